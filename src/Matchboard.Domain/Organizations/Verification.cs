namespace Matchboard.Domain.Organizations;

/// <summary>Where an organization stands with 市による確認.</summary>
public enum VerificationStatus
{
    /// <summary>Waiting in the city's queue.</summary>
    Pending,

    /// <summary>City staff asked a question; back in the queue once the organization sends a document.</summary>
    InformationRequested,
    Verified,
    Declined,

    /// <summary>Was verified; city staff suspended it with a reason.</summary>
    Suspended,
}

/// <summary>What city staff decided.</summary>
public enum VerificationOutcome
{
    Verified,
    Declined,
    InformationRequested,
    Suspended,

    /// <summary>A declined organization put back in the queue.</summary>
    Reconsidered,
}

/// <summary>One decision of city staff on an organization's verification: what, why, who and when. Never changed.</summary>
public class VerificationDecision
{
    public const int ReasonMaxLength = 1000;

    private VerificationDecision()
    {
        DecidedByUserId = string.Empty;
    }

    internal VerificationDecision(int organizationId, VerificationOutcome outcome, string? reason, string decidedByUserId, DateTimeOffset decidedAt)
    {
        OrganizationId = organizationId;
        Outcome = outcome;
        Reason = reason;
        DecidedByUserId = decidedByUserId;
        DecidedAt = decidedAt;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public VerificationOutcome Outcome { get; private set; }

    /// <summary>The reason (or, when asking for more information, the question) the organization reads.</summary>
    public string? Reason { get; private set; }

    public string DecidedByUserId { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }
}

/// <summary>
/// What an organization may do before city staff have verified it, in one place: the services refuse with these,
/// and the pages ask the same question to leave out forms that could only be refused. An unverified group (or
/// supporter) may browse, but may neither ask nor bid; an unverified association may prepare drafts, but may not
/// publish them.
/// </summary>
public static class VerificationRights
{
    public static bool MayAskOrBid(Organization organization) => MayAskOrBid(organization.Standing);

    public static bool MayAskOrBid(OrganizationStanding organization) => organization.IsVerified;

    public static bool MayPublish(Organization association) => association.IsVerified;

    public static bool MayDraft(Organization association) => association.Kind == OrganizationKind.Association;

    public static void EnsureMayPublish(Organization association)
    {
        if (!MayPublish(association))
        {
            throw new DomainException("task.association-unverified", DomainErrorKind.RuleViolation);
        }
    }
}
