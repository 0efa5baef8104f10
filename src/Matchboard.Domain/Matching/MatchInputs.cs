using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Matching;

/// <summary>
/// The task side of a match, as plain values. <see cref="FeeYen"/> of 0 (volunteer work) gives the price factor its
/// neutral score.
/// </summary>
public sealed record MatchTask(
    int Id,
    string Category,
    string Ward,
    DateOnly StartDate,
    bool CertificationRequired,
    bool InsuranceRequired,
    long FeeYen)
{
    public static MatchTask Of(CommunityTask task) =>
        new(task.Id, task.Category, task.Ward, task.StartDate, task.CertificationRequired, task.InsuranceRequired, task.FeeYen);
}

/// <summary>
/// The group side of a match for one task, as plain values: the facts that depend on the task (certification on its
/// start date, insurance on its start date, experience in its category) are stated for that task. These are ALL the
/// inputs: nothing a group could buy or an operator could set by hand exists here.
/// </summary>
public sealed record MatchGroup(
    int Id,
    IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> WardsServed,
    CertificationFact Certification,
    InsuranceFact Insurance,
    CapacityFact Capacity,
    TrackRecord TrackRecord);

/// <summary>
/// Whether the city's certification counts for this task by the one rule (<see cref="BiddingEligibility.CertifiedFor"/>:
/// on the day of bidding and on the task's start date), and its last valid day for the explanation.
/// </summary>
public sealed record CertificationFact(bool Counts, DateOnly? ValidUntil)
{
    /// <summary>The month the explanation names as the mark's end: all the score reads of <see cref="ValidUntil"/>.</summary>
    public YearMonth? ValidThrough => ValidUntil is { } day ? YearMonth.Of(day) : null;

    public static CertificationFact None { get; } = new(false, null);

    /// <summary>The fact for a group bidding on <paramref name="bidDay"/> for work starting on <paramref name="startDate"/>.</summary>
    public static CertificationFact Of(OrganizationStanding group, DateOnly bidDay, DateOnly startDate) =>
        BiddingEligibility.CertifiedFor(group, bidDay, startDate)
            ? new(true, group.Certification!.Value.Expires)
            : None;

    /// <inheritdoc cref="Of(OrganizationStanding, DateOnly, DateOnly)"/>
    public static CertificationFact Of(Organization group, DateOnly bidDay, DateOnly startDate) => Of(group.Standing, bidDay, startDate);
}

/// <summary>Whether the group's declared insurance is valid on the task's start date, and until when.</summary>
public sealed record InsuranceFact(bool ValidOnStartDate, DateOnly? ValidUntil)
{
    /// <summary>The month the explanation names as the cover's end: all the score reads of <see cref="ValidUntil"/>.</summary>
    public YearMonth? ValidThrough => ValidUntil is { } day ? YearMonth.Of(day) : null;

    public static InsuranceFact None { get; } = new(false, null);

    /// <summary>The group's own declaration, by the one rule bids are refused on (<see cref="Organizations.Organization.IsInsuredOn"/>).</summary>
    public static InsuranceFact Of(OrganizationStanding group, DateOnly startDate) =>
        BiddingEligibility.InsuredFor(group, startDate) ? new(true, group.InsuredUntil!.Value) : None;

    /// <inheritdoc cref="Of(OrganizationStanding, DateOnly)"/>
    public static InsuranceFact Of(Organization group, DateOnly startDate) => Of(group.Standing, startDate);
}

/// <summary>The group's contracts under way against the capacity it states (0 = not stated).</summary>
public sealed record CapacityFact(int ActiveContracts, int Capacity)
{
    public static CapacityFact NotStated { get; } = new(0, 0);

    public bool IsStated => Capacity > 0;

    public bool IsFull => ContractCapacity.IsReached(ActiveContracts, Capacity);

    public int Left => Math.Max(0, Capacity - ActiveContracts);
}

/// <summary>
/// What the group has done on the platform: completed contracts in the task's category, watch-over visits made
/// against planned, reports filed on time against reports due, and its reviews (null average when none).
/// <see cref="None"/> is a first-time group, which scores neutral on every part.
/// </summary>
public sealed record TrackRecord(
    int CompletedInCategory,
    int VisitsMade,
    int VisitsPlanned,
    int ReportsOnTime,
    int ReportsDue,
    decimal? AverageReview,
    int ReviewCount)
{
    public static TrackRecord None { get; } = new(0, 0, 0, 0, 0, null, 0);
}

/// <summary>A bid's terms for the comparison.</summary>
public sealed record MatchBid(long AmountYen, DateOnly EarliestStart);

/// <summary>
/// The start dates at which a group's facts for a task can change. Of a task's dates only its start date enters the
/// facts (<see cref="CertificationFact.Of"/>: the mark counts from its first day to its last; <see cref="InsuranceFact.Of"/>:
/// the declaration covers up to its last day), so between two boundaries every start date gives the same facts, and a
/// ranked list can count a group's candidates by these spans instead of day by day. MatchTiersTests holds this
/// against the two facts themselves.
/// </summary>
public static class MatchStartSpans
{
    public static IReadOnlyList<DateOnly> Boundaries(Organization group)
    {
        var boundaries = new SortedSet<DateOnly>();
        if (group.Certification?.CountingDays is var (from, to))
        {
            boundaries.Add(from);
            if (to < DateOnly.MaxValue)
            {
                boundaries.Add(to.AddDays(1));
            }
        }

        if (group.Insurance?.ValidUntil is { } until && until < DateOnly.MaxValue)
        {
            boundaries.Add(until.AddDays(1));
        }

        return boundaries.ToList();
    }
}
