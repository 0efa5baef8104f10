namespace Matchboard.Domain.Matching;

/// <summary>
/// The published rubric's weights: the most points each factor can give (README, "The matching rubric / 推薦の基準").
/// Bound in Web from <c>Matchboard:Matching:Weights</c>; the defaults here are the published ones. There is no weight
/// (and no input) for anything a group could pay for or an operator could set by hand: only these factors exist.
/// </summary>
public sealed record MatchWeights
{
    public const string Section = "Matchboard:Matching:Weights";

    /// <summary>The task's category is one the group serves.</summary>
    public int SameCategory { get; init; } = 40;

    /// <summary>The group serves a related category only (e.g. watch-over for an elderly-salon task).</summary>
    public int RelatedCategory { get; init; } = 20;

    /// <summary>The group serves the task's ward.</summary>
    public int SameWard { get; init; } = 30;

    /// <summary>The group serves a ward next to the task's ward only.</summary>
    public int NeighbouringWard { get; init; } = 15;

    /// <summary>The city's certification counts on the day of bidding and on the task's start date.</summary>
    public int Certification { get; init; } = 10;

    /// <summary>Insurance declared and valid on the task's start date.</summary>
    public int Insurance { get; init; } = 5;

    /// <summary>Capacity left, in proportion to the stated capacity; half when no capacity is stated.</summary>
    public int CapacityLeft { get; init; } = 10;

    /// <summary>Completed contracts in the task's category; half (neutral) with none, full from <see cref="ExperienceFullAt"/>.</summary>
    public int Experience { get; init; } = 10;

    /// <summary>The number of completed contracts in the category that gives the full <see cref="Experience"/> points.</summary>
    public int ExperienceFullAt { get; init; } = 3;

    /// <summary>Visits made against visits planned; half (neutral) when none were planned yet.</summary>
    public int VisitsKept { get; init; } = 10;

    /// <summary>Reports filed on time against reports due; half (neutral) when none were due yet.</summary>
    public int ReportsOnTime { get; init; } = 10;

    /// <summary>The average review (1 = none of the points, 5 = all); half (neutral) when there are no reviews.</summary>
    public int Reviews { get; init; } = 10;

    /// <summary>Bid comparison: the amount is within the association's fee; less the further it goes over.</summary>
    public int Price { get; init; } = 20;

    /// <summary>Bid comparison: how far over the fee (in percent) leaves no price points.</summary>
    public int PriceZeroAtPercentOver { get; init; } = 50;

    /// <summary>Bid comparison: the group can start on or before the task's start date; less for each day later.</summary>
    public int Start { get; init; } = 10;

    /// <summary>Bid comparison: how many days late leaves no start points.</summary>
    public int StartZeroAtDaysLate { get; init; } = 14;

    /// <summary>The published defaults.</summary>
    public static MatchWeights Default { get; } = new();

    /// <summary>What is wrong with a configured set of weights (empty when they can be used): the host refuses to start otherwise.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void NotNegative(string name, int value)
        {
            if (value < 0)
            {
                problems.Add($"{name} must not be negative");
            }
        }

        NotNegative(nameof(SameCategory), SameCategory);
        NotNegative(nameof(RelatedCategory), RelatedCategory);
        NotNegative(nameof(SameWard), SameWard);
        NotNegative(nameof(NeighbouringWard), NeighbouringWard);
        NotNegative(nameof(Certification), Certification);
        NotNegative(nameof(Insurance), Insurance);
        NotNegative(nameof(CapacityLeft), CapacityLeft);
        NotNegative(nameof(Experience), Experience);
        NotNegative(nameof(VisitsKept), VisitsKept);
        NotNegative(nameof(ReportsOnTime), ReportsOnTime);
        NotNegative(nameof(Reviews), Reviews);
        NotNegative(nameof(Price), Price);
        NotNegative(nameof(Start), Start);
        if (RelatedCategory > SameCategory)
        {
            problems.Add($"{nameof(RelatedCategory)} must not exceed {nameof(SameCategory)}");
        }

        if (NeighbouringWard > SameWard)
        {
            problems.Add($"{nameof(NeighbouringWard)} must not exceed {nameof(SameWard)}");
        }

        if (ExperienceFullAt < 1)
        {
            problems.Add($"{nameof(ExperienceFullAt)} must be at least 1");
        }

        if (PriceZeroAtPercentOver < 1)
        {
            problems.Add($"{nameof(PriceZeroAtPercentOver)} must be at least 1");
        }

        if (StartZeroAtDaysLate < 1)
        {
            problems.Add($"{nameof(StartZeroAtDaysLate)} must be at least 1");
        }

        return problems;
    }
}

/// <summary>
/// The share-of-awards guard's settings, bound from <c>Matchboard:Matching:Fairness</c>: a group awarded more than
/// <see cref="ShareOfAwardsPercent"/> of one association's tasks in the last <see cref="WindowMonths"/> months is
/// flagged on that association's comparison (shown, not hidden, and its score unchanged), once the association has
/// awarded at least <see cref="MinimumAwards"/> tasks in that time (one award of one is not a pattern).
/// </summary>
public sealed record MatchFairness
{
    public const string Section = "Matchboard:Matching:Fairness";

    public int ShareOfAwardsPercent { get; init; } = 50;

    public int MinimumAwards { get; init; } = 4;

    public int WindowMonths { get; init; } = 12;

    public static MatchFairness Default { get; } = new();

    public IReadOnlyList<string> Problems() =>
        [
            .. ShareOfAwardsPercent is < 0 or > 100 ? [$"{nameof(ShareOfAwardsPercent)} must be 0–100"] : Array.Empty<string>(),
            .. MinimumAwards < 1 ? [$"{nameof(MinimumAwards)} must be at least 1"] : Array.Empty<string>(),
            .. WindowMonths < 1 ? [$"{nameof(WindowMonths)} must be at least 1"] : Array.Empty<string>(),
        ];
}

/// <summary>
/// Who is told of a new task, bound from <c>Matchboard:Matching:Notify</c>: a TaskPosted goes only to the groups that
/// may bid and whose score for the task is at least <see cref="MinimumScore"/>. The default, 70, lets through a
/// first-time group in the same category and a neighbouring ward (40 + 15 + 20 of neutral track record + 5–10 for
/// capacity = 80–85) or in a related category and the same ward (20 + 30 + 20 + 5–10 = 75–80); it keeps out a
/// first-time group in a related category and a neighbouring ward (20 + 15 + 20 + 5–10 = 60–65), unless a good
/// record, the certification or insurance lifts it.
/// </summary>
public sealed record MatchNotify
{
    public const string Section = "Matchboard:Matching:Notify";

    public int MinimumScore { get; init; } = 70;

    public static MatchNotify Default { get; } = new();

    public IReadOnlyList<string> Problems() =>
        MinimumScore < 0 ? [$"{nameof(MinimumScore)} must not be negative"] : [];
}
