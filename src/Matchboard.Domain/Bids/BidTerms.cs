using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Bids;

/// <summary>What a civic group offers: its price, how it will do the work, with how many people, from when.</summary>
public sealed record BidTerms(long AmountYen, string Proposal, int StaffPlanned, DateOnly EarliestStart)
{
    public const int ProposalMaxLength = 2000;

    /// <summary>A bid may ask at most this many times the association's fee: beyond it, it is a typo or a joke.</summary>
    public const int FeeMultipleMax = 10;

    /// <summary>The ceiling where the task names no fee (a volunteer task with fee 0).</summary>
    public const long AmountMaxWithoutFeeYen = 10_000_000;

    /// <summary>More people than any community task needs at once.</summary>
    public const int StaffMax = 100;

    /// <summary>The most this task lets a group ask: ten times its fee, or ¥10,000,000 where it names none.</summary>
    public static long AmountMaxYen(CommunityTask task) =>
        task.FeeYen > 0 ? Math.Min(task.FeeYen * FeeMultipleMax, TaskDetails.FeeMaxYen * FeeMultipleMax) : AmountMaxWithoutFeeYen;

    /// <summary>
    /// The bounds of a bid on this task: a paid task is not done for nothing (¥0 is fine on a volunteer task),
    /// no price beyond <see cref="AmountMaxYen"/>, a plausible number of people, and a start from today (Japan)
    /// to the task's last day.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(CommunityTask task, DateTimeOffset now) => new Validation()
        .Check(AmountYen >= 0, "amountYen", "negative")
        .Check(task.IsVolunteer || AmountYen >= 1, "amountYen", "at-least-one")
        .Check(AmountYen <= AmountMaxYen(task), "amountYen", "too-large", AmountMaxYen(task))
        .Text("proposal", Proposal, ProposalMaxLength)
        .Check(StaffPlanned >= 1, "staffPlanned", "at-least-one")
        .Check(StaffPlanned <= StaffMax, "staffPlanned", "too-many", StaffMax)
        .Date("earliestStart", EarliestStart)
        .Check(EarliestStart >= JapanTime.DateOf(now), "earliestStart", "before-today")
        .Check(EarliestStart <= task.EndDate, "earliestStart", "after-task-end")
        .Errors;

    /// <summary>
    /// What the group should know before sending, but may go past: asking more than the association's fee, or
    /// starting later than the task does. Warnings, not refusals: a higher price or a later start can be the honest offer.
    /// </summary>
    public IReadOnlyList<FieldError> Warnings(long feeYen, DateOnly taskStart)
    {
        var warnings = new List<FieldError>();
        if (AmountYen > feeYen)
        {
            warnings.Add(new FieldError("amountYen", "above-fee"));
        }

        if (EarliestStart > taskStart)
        {
            warnings.Add(new FieldError("earliestStart", "after-task-start"));
        }

        return warnings;
    }
}
