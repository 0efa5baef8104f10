using Matchboard.Domain;

namespace Matchboard.Web.Infrastructure;

/// <summary>
/// Turns a request's nullable fields into the values the domain validates, so that a missing field and the
/// domain's own complaints are reported together, once per field. A placeholder stands in for a missing
/// value only long enough for the domain to check the other fields.
/// </summary>
public sealed class RequiredFields
{
    private readonly List<FieldError> _missing = [];

    public T Value<T>(T? value, string field, T placeholder)
        where T : struct
    {
        if (value is null)
        {
            _missing.Add(new FieldError(field, "required"));
        }

        return value ?? placeholder;
    }

    /// <summary>Throws one validation error with every missing field and every other field the domain refused.</summary>
    public void ThrowIfAny(IReadOnlyList<FieldError> domainErrors) =>
        DomainException.ThrowIfAny(
            _missing.Concat(domainErrors.Where(e => _missing.All(m => m.Field != e.Field))).ToList());
}
