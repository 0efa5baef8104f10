namespace Matchboard.Domain;

/// <summary>How the host should answer a broken rule.</summary>
public enum DomainErrorKind
{
    /// <summary>The input itself is wrong; <see cref="DomainException.Errors"/> says which fields (HTTP 400).</summary>
    Invalid,

    /// <summary>The object is in a state that forbids the action (HTTP 409).</summary>
    Conflict,

    /// <summary>The request is well formed but a business rule refuses it (HTTP 422).</summary>
    RuleViolation,
}

/// <summary>
/// One wrong field: its name as the client sent it and a language-free code. <paramref name="Limit"/> is the bound
/// the rule enforced (a maximum length, count or amount), so that the message can say it: 「長すぎます」 alone
/// leaves the writer guessing how much to cut.
/// </summary>
public sealed record FieldError(string Field, string Code, long? Limit = null);

/// <summary>
/// A broken domain rule. The code (e.g. <c>task.not-open</c>) is stable and language-free;
/// the host turns it into a message in the user's language.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, DomainErrorKind kind = DomainErrorKind.Conflict)
        : base(code)
    {
        Code = code;
        Kind = kind;
        Errors = [];
    }

    private DomainException(IReadOnlyList<FieldError> errors)
        : base("validation")
    {
        Code = "validation";
        Kind = DomainErrorKind.Invalid;
        Errors = errors;
    }

    public string Code { get; }

    public DomainErrorKind Kind { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }
    }
}
