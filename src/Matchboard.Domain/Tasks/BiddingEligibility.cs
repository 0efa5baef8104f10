using Matchboard.Domain.Organizations;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// Whether a group may bid on a task at all: a verified civic group; when the task requires it, a city
/// certification mark valid on the day of bidding and on the task's start date; and when the task requires insurance,
/// a declared insurance covering the task's start date. The task's own state (open, before
/// its deadline) and the one-live-bid rule are the task's checks, not this. One definition for placing a bid,
/// matching tasks to groups (<see cref="Matching.TaskMatcher"/>) and the page's bid form.
/// </summary>
public static class BiddingEligibility
{
    /// <summary>The error code saying why the group may not bid, or null when it may.</summary>
    public static string? RefusalCode(
        OrganizationStanding group, bool certificationRequired, bool insuranceRequired, DateOnly today, DateOnly startDate) =>
        !group.IsCivicGroup ? "bid.not-civic-group"
        : !VerificationRights.MayAskOrBid(group) ? "bid.group-unverified"
        : certificationRequired && !CertifiedFor(group, today, startDate) ? "bid.certification-required"
        : insuranceRequired && !InsuredFor(group, startDate) ? "bid.insurance-required"
        : null;

    /// <inheritdoc cref="RefusalCode(OrganizationStanding, bool, bool, DateOnly, DateOnly)"/>
    public static string? RefusalCode(
        Organization group, bool certificationRequired, bool insuranceRequired, DateOnly today, DateOnly startDate) =>
        RefusalCode(group.Standing, certificationRequired, insuranceRequired, today, startDate);

    /// <summary>The refusal for this group on this task, on <paramref name="today"/>: the task's own requirements.</summary>
    public static string? RefusalCode(OrganizationStanding group, CommunityTask task, DateOnly today) =>
        RefusalCode(group, task.CertificationRequired, task.InsuranceRequired, today, task.StartDate);

    /// <inheritdoc cref="RefusalCode(OrganizationStanding, CommunityTask, DateOnly)"/>
    public static string? RefusalCode(Organization group, CommunityTask task, DateOnly today) =>
        RefusalCode(group.Standing, task, today);

    public static bool MayBid(
        Organization group, bool certificationRequired, bool insuranceRequired, DateOnly today, DateOnly startDate) =>
        RefusalCode(group, certificationRequired, insuranceRequired, today, startDate) is null;

    /// <summary>The one rule for a task requiring certification: the mark counts today and on the day the work starts.</summary>
    public static bool CertifiedFor(OrganizationStanding group, DateOnly today, DateOnly startDate) =>
        group.HasValidCertificationOn(today) && group.HasValidCertificationOn(startDate);

    /// <inheritdoc cref="CertifiedFor(OrganizationStanding, DateOnly, DateOnly)"/>
    public static bool CertifiedFor(Organization group, DateOnly today, DateOnly startDate) => CertifiedFor(group.Standing, today, startDate);

    /// <summary>
    /// The one rule for a task requiring insurance: the group's declaration covers the day the work starts. (A
    /// declaration cannot be made with a last day in the past, and the start date is never before the bid, so the
    /// day of bidding is covered whenever the start date is.)
    /// </summary>
    public static bool InsuredFor(OrganizationStanding group, DateOnly startDate) => group.IsInsuredOn(startDate);

    /// <inheritdoc cref="InsuredFor(OrganizationStanding, DateOnly)"/>
    public static bool InsuredFor(Organization group, DateOnly startDate) => InsuredFor(group.Standing, startDate);
}
