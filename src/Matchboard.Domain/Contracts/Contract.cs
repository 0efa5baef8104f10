using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Contracts;

/// <summary>The agreement that follows an award; active once both sides have signed.</summary>
public class Contract
{
    private Contract()
    {
    }

    internal Contract(CommunityTask task, Bid bid, DateTimeOffset now)
    {
        TaskId = task.Id;
        BidId = bid.Id;
        AssociationId = task.AssociationId;
        ProviderId = bid.GroupId;
        AmountYen = bid.AmountYen;
        Status = ContractStatus.PendingSignatures;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    /// <summary>Read-only navigations for queries; never assigned by the domain.</summary>
    public CommunityTask? Task { get; private set; }

    public Organizations.Organization? Association { get; private set; }

    public Organizations.Organization? Provider { get; private set; }

    public int BidId { get; private set; }

    public int AssociationId { get; private set; }

    /// <summary>The civic group that does the work.</summary>
    public int ProviderId { get; private set; }

    public long AmountYen { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AssociationSignedAt { get; private set; }

    public DateTimeOffset? ProviderSignedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>When the contract completed or was terminated; S2 sets it. Personal data is erased a year after.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Visits are made and reported only while the work is open (S2 adds Delivered here).</summary>
    public bool IsWorkOpen => Status == ContractStatus.Active;

    public bool IsParty(int organizationId) => organizationId == AssociationId || organizationId == ProviderId;

    public void Sign(int organizationId, DateTimeOffset now)
    {
        if (Status != ContractStatus.PendingSignatures)
        {
            throw new DomainException("contract.not-pending");
        }

        if (organizationId == AssociationId)
        {
            AssociationSignedAt = AssociationSignedAt is null ? now : throw new DomainException("contract.already-signed");
        }
        else if (organizationId == ProviderId)
        {
            ProviderSignedAt = ProviderSignedAt is null ? now : throw new DomainException("contract.already-signed");
        }
        else
        {
            throw new DomainException("contract.not-a-party", DomainErrorKind.RuleViolation);
        }

        if (AssociationSignedAt is not null && ProviderSignedAt is not null)
        {
            Status = ContractStatus.Active;
            ActivatedAt = now;
        }
    }
}
