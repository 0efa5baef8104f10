namespace Matchboard.Domain;

/// <summary>Collects field errors so that every wrong field is reported at once.</summary>
internal sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public Validation Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "required");
            }
        }
        else if (value.Length > maxLength)
        {
            Add(field, "too-long");
        }

        return this;
    }

    public Validation Check(bool condition, string field, string code)
    {
        if (!condition && _errors.All(e => e.Field != field))
        {
            Add(field, code);
        }

        return this;
    }

    private void Add(string field, string code) => _errors.Add(new FieldError(field, code));
}
