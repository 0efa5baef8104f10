namespace Matchboard.Domain.Organizations;

/// <summary>One decision of city staff about a group's certification mark, kept as its history.</summary>
public sealed class CertificationDecision
{
    private CertificationDecision()
    {
        Number = string.Empty;
        DecidedBy = string.Empty;
    }

    internal CertificationDecision(
        CertificationDecisionKind kind, Certification mark, string? reason, string decidedBy, DateTimeOffset decidedAt)
    {
        Kind = kind;
        Number = mark.Number;
        ValidFrom = mark.Issued;
        ValidTo = mark.Expires;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public int Id { get; private set; }

    public CertificationDecisionKind Kind { get; private set; }

    /// <summary>The mark's number, first and last valid day as they stood after the decision.</summary>
    public string Number { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    /// <summary>The note of a grant or renewal, the reason of a suspension or revocation.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who decided: the city staff member's email, kept as text so the record outlives the account.</summary>
    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }
}

public enum CertificationDecisionKind
{
    Granted,
    Renewed,
    Suspended,
    Revoked,
}
