using Matchboard.Domain.Organizations;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// Whether a group may bid on a task at all: a verified civic group, certified on the day when the task
/// requires it. The task's own state (open, before its deadline) and the one-live-bid rule are the task's
/// checks, not this. One definition for placing a bid, matching tasks to groups and the page's bid form.
/// </summary>
public static class BiddingEligibility
{
    /// <summary>The error code saying why the group may not bid, or null when it may.</summary>
    public static string? RefusalCode(Organization group, bool certificationRequired, DateOnly today) =>
        !group.IsCivicGroup ? "bid.not-civic-group"
        : !VerificationRights.MayAskOrBid(group) ? "bid.group-unverified"
        : certificationRequired && !group.HasValidCertificationOn(today) ? "bid.certification-required"
        : null;

    public static bool MayBid(Organization group, bool certificationRequired, DateOnly today) =>
        RefusalCode(group, certificationRequired, today) is null;
}
