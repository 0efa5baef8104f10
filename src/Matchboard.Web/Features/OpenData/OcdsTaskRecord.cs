using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.OpenData;

/// <summary>What the releases of one published task are derived from, as stored; nothing here is personal.</summary>
public sealed record OcdsTaskRecord(
    CommunityTask Task,
    string AssociationName,
    IReadOnlyList<TaskChange> Changes,
    IReadOnlyList<OcdsBidRecord> Bids,
    IReadOnlyList<OcdsContractRecord> Contracts);

public sealed record OcdsBidRecord(Bid Bid, string GroupName);

/// <summary>A contract with its schedule: dates, report counts and missed marks only (never households or reports).</summary>
public sealed record OcdsContractRecord(Contract Contract, string ProviderName, IReadOnlyList<PlannedVisit> Visits);
