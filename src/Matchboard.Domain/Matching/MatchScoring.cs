namespace Matchboard.Domain.Matching;

/// <summary>
/// The published rubric (README, "The matching rubric / 推薦の基準") as one pure, deterministic function: the same
/// inputs always give the same score and the same explanation. Points are whole numbers, rounded half up, so that no
/// floating-point order or platform can change a ranking. Each factor's points are at most its weight in
/// <see cref="MatchWeights"/>; the total is the sum of the reasons' points.
/// </summary>
public static class MatchScoring
{
    /// <summary>
    /// A group's score for a task (for "tasks for us" and "groups that fit"), or null when the pair is not a
    /// candidate: the group serves neither the task's category nor a related one, or neither its ward nor a neighbouring one.
    /// </summary>
    public static MatchScore? ScoreTask(MatchTask task, MatchGroup group, MatchWeights weights, MatchReferenceData reference) =>
        ScoreTask(task, group, CategoryFit(task.Category, group.Categories, reference), WardFit(task.Ward, group.WardsServed, reference), weights);

    /// <summary><see cref="ScoreTask(MatchTask, MatchGroup, MatchWeights, MatchReferenceData)"/> with the fits already found.</summary>
    private static MatchScore? ScoreTask(MatchTask task, MatchGroup group, string? categoryFit, string? wardFit, MatchWeights weights) =>
        IsCandidate(categoryFit, wardFit) ? Score(task, group, categoryFit, wardFit, weights, bid: null) : null;

    /// <summary>
    /// One group's scores for many tasks (its ranked list), candidates only. <see cref="ScoreTask"/> reads of a task only
    /// its category, its ward and its two requirements, and of the group what <paramref name="groupFor"/> states for that
    /// task; tasks alike in all of these get the same score, so each such kind is scored once and shared. A city's list
    /// of tens of thousands of candidates then costs a few hundred scorings, not one per task.
    /// </summary>
    public static IEnumerable<(MatchTask Task, MatchScore Score)> ScoreTasks(
        IEnumerable<MatchTask> tasks, Func<MatchTask, MatchGroup> groupFor, MatchWeights weights, MatchReferenceData reference)
    {
        var scores = new Dictionary<TaskKind, MatchScore?>();
        foreach (var task in tasks)
        {
            var group = groupFor(task);
            var kind = new TaskKind(task.Category, task.Ward, task.CertificationRequired, task.InsuranceRequired,
                group.Id, FactKey.Of(group), group.Capacity, group.TrackRecord);
            if (!scores.TryGetValue(kind, out var score))
            {
                scores[kind] = score = ScoreTask(task, group, weights, reference);
            }

            if (score is not null)
            {
                yield return (task, score);
            }
        }
    }

    /// <summary>What makes two tasks score alike for one group (its categories and wards served are the same for every task).</summary>
    private sealed record TaskKind(
        string Category,
        string Ward,
        bool CertificationRequired,
        bool InsuranceRequired,
        int GroupId,
        FactKey Facts,
        CapacityFact Capacity,
        TrackRecord TrackRecord);

    /// <summary>
    /// Many groups' scores for one task (its ranked groups, its TaskPosted audience), candidates only, each with its
    /// item. <see cref="ScoreTask"/> reads of a group only which of its categories fits the task, which of its wards
    /// fits, and its four facts; groups alike in all of these get the same score, so each such kind is scored once and
    /// shared (thousands of candidates, far fewer kinds).
    /// </summary>
    public static IEnumerable<(T Item, MatchScore Score)> ScoreGroups<T>(
        MatchTask task, IEnumerable<T> items, Func<T, MatchGroup> groupOf, MatchWeights weights, MatchReferenceData reference)
    {
        var scores = new Dictionary<GroupKind, MatchScore?>();
        foreach (var item in items)
        {
            var group = groupOf(item);
            var kind = new GroupKind(
                CategoryFit(task.Category, group.Categories, reference), WardFit(task.Ward, group.WardsServed, reference),
                FactKey.Of(group), group.Capacity, group.TrackRecord);
            if (!scores.TryGetValue(kind, out var score))
            {
                scores[kind] = score = ScoreTask(task, group, kind.CategoryFit, kind.WardFit, weights);
            }

            if (score is not null)
            {
                yield return (item, score);
            }
        }
    }

    /// <summary>What makes two groups score alike for one task: the fits <see cref="Category"/> and <see cref="Place"/> find, and the facts.</summary>
    private readonly record struct GroupKind(
        string? CategoryFit,
        string? WardFit,
        FactKey Facts,
        CapacityFact Capacity,
        TrackRecord TrackRecord);

    /// <summary>
    /// What <see cref="Score"/> reads of the certification and insurance facts: whether each counts, and the month its
    /// explanation names (not the day: marks ending in the same month are told, and scored, alike).
    /// </summary>
    private readonly record struct FactKey(bool Certified, YearMonth? CertifiedThrough, bool Insured, YearMonth? InsuredThrough)
    {
        public static FactKey Of(MatchGroup group) => new(
            group.Certification.Counts, group.Certification.ValidThrough, group.Insurance.ValidOnStartDate, group.Insurance.ValidThrough);
    }

    /// <summary>
    /// A bid's score for the association's comparison: the group's score for the task plus price and start. A bid is
    /// always scored (the group may have changed what it serves since), with any missing fit shown as no points.
    /// </summary>
    public static MatchScore ScoreBid(MatchTask task, MatchGroup group, MatchBid bid, MatchWeights weights, MatchReferenceData reference) =>
        Score(task, group, weights, reference, bid);

    /// <summary>The candidate rule: same or related category, and the task's ward or a neighbouring one among those the group serves.</summary>
    public static bool IsCandidate(MatchTask task, MatchGroup group, MatchReferenceData reference) =>
        IsCandidate(CategoryFit(task.Category, group.Categories, reference), WardFit(task.Ward, group.WardsServed, reference));

    private static bool IsCandidate(string? categoryFit, string? wardFit) => categoryFit is not null && wardFit is not null;

    /// <summary>The task categories a group serving <paramref name="categories"/> is a candidate for (for the database's candidate query).</summary>
    public static IReadOnlySet<string> CandidateCategories(IEnumerable<string> categories, MatchReferenceData reference) =>
        categories.SelectMany(c => reference.RelatedTo(c).Append(c)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The task wards a group serving <paramref name="wards"/> is a candidate for (for the database's candidate query).</summary>
    public static IReadOnlySet<string> CandidateWards(IEnumerable<string> wards, MatchReferenceData reference) =>
        wards.SelectMany(w => reference.NeighboursOf(w).Append(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The share-of-awards guard: a flag (no points, score unchanged) when a group was awarded more than the configured
    /// share of one association's tasks within the window, once that association has awarded enough tasks for a share to mean something.
    /// </summary>
    public static MatchReason? ShareOfAwardsFlag(int awardedToGroup, int awardedByAssociation, MatchFairness fairness)
    {
        if (awardedByAssociation < fairness.MinimumAwards || awardedToGroup <= 0)
        {
            return null;
        }

        // Exact integer comparison: more than the share, never "about".
        return (long)awardedToGroup * 100 > (long)fairness.ShareOfAwardsPercent * awardedByAssociation
            ? MatchReason.Of(MatchReasons.ShareOfAwards, 0, 0, awardedToGroup, awardedByAssociation, awardedToGroup * 100 / awardedByAssociation, fairness.WindowMonths)
            : null;
    }

    private static MatchScore Score(MatchTask task, MatchGroup group, MatchWeights w, MatchReferenceData reference, MatchBid? bid) =>
        Score(task, group, CategoryFit(task.Category, group.Categories, reference), WardFit(task.Ward, group.WardsServed, reference), w, bid);

    private static MatchScore Score(MatchTask task, MatchGroup group, string? categoryFit, string? wardFit, MatchWeights w, MatchBid? bid)
    {
        var reasons = new List<MatchReason>(10)
        {
            Category(task, categoryFit, w),
            Place(task, wardFit, w),
        };

        var meets = true;
        if (group.Certification.Counts)
        {
            reasons.Add(MatchReason.Of(MatchReasons.Certified, w.Certification, w.Certification, group.Certification.ValidThrough!.Value));
        }
        else
        {
            meets &= !task.CertificationRequired;
            reasons.Add(MatchReason.Of(task.CertificationRequired ? MatchReasons.CertificationRequiredMissing : MatchReasons.NotCertified, 0, w.Certification));
        }

        if (group.Insurance.ValidOnStartDate)
        {
            reasons.Add(MatchReason.Of(MatchReasons.Insured, w.Insurance, w.Insurance, group.Insurance.ValidThrough!.Value));
        }
        else
        {
            meets &= !task.InsuranceRequired;
            reasons.Add(MatchReason.Of(task.InsuranceRequired ? MatchReasons.InsuranceRequiredMissing : MatchReasons.NotInsured, 0, w.Insurance));
        }

        reasons.Add(Capacity(group.Capacity, w.CapacityLeft));
        reasons.AddRange(Track(group.TrackRecord, w));

        if (bid is not null)
        {
            reasons.Add(Price(bid.AmountYen, task.FeeYen, w));
            reasons.Add(Start(bid.EarliestStart, task.StartDate, w));
        }

        return new MatchScore(reasons.Sum(r => r.Points), meets, reasons);
    }

    private static string? CategoryFit(string category, IReadOnlyCollection<string> served, MatchReferenceData reference) =>
        Fit(category, served, reference, static (r, wanted, value) => r.AreRelated(wanted, value));

    private static string? WardFit(string ward, IReadOnlyCollection<string> served, MatchReferenceData reference) =>
        Fit(ward, served, reference, static (r, wanted, value) => r.AreNeighbours(wanted, value));

    /// <summary>
    /// The task's own value when served, else the first (ordinal order) served value near it, else none. A plain loop:
    /// it runs for every candidate of a ranking, thousands per task.
    /// </summary>
    private static string? Fit(
        string wanted, IReadOnlyCollection<string> served, MatchReferenceData reference, Func<MatchReferenceData, string, string, bool> near)
    {
        string? nearest = null;
        foreach (var value in served)
        {
            if (value == wanted)
            {
                return wanted;
            }

            if (near(reference, wanted, value) && (nearest is null || string.CompareOrdinal(value, nearest) < 0))
            {
                nearest = value;
            }
        }

        return nearest;
    }

    private static MatchReason Category(MatchTask task, string? fit, MatchWeights w) =>
        fit switch
        {
            null => MatchReason.Of(MatchReasons.OtherCategory, 0, w.SameCategory, task.Category),
            var same when same == task.Category => MatchReason.Of(MatchReasons.SameCategory, w.SameCategory, w.SameCategory, task.Category),
            var related => MatchReason.Of(MatchReasons.RelatedCategory, w.RelatedCategory, w.SameCategory, task.Category, related),
        };

    private static MatchReason Place(MatchTask task, string? fit, MatchWeights w) =>
        fit switch
        {
            null => MatchReason.Of(MatchReasons.OutsideWards, 0, w.SameWard, task.Ward),
            var same when same == task.Ward => MatchReason.Of(MatchReasons.SameWard, w.SameWard, w.SameWard, task.Ward),
            var neighbour => MatchReason.Of(MatchReasons.NeighbouringWard, w.NeighbouringWard, w.SameWard, task.Ward, neighbour),
        };

    private static MatchReason Capacity(CapacityFact capacity, int weight) =>
        !capacity.IsStated ? MatchReason.Of(MatchReasons.CapacityNotStated, Half(weight), weight)
        : capacity.IsFull ? MatchReason.Of(MatchReasons.CapacityFull, 0, weight, capacity.ActiveContracts, capacity.Capacity)
        : MatchReason.Of(MatchReasons.CapacityLeft, Scale(weight, capacity.Left, capacity.Capacity), weight, capacity.Left, capacity.Capacity);

    /// <summary>Each part of the track record is neutral (half its weight) with no history, so a first-time group is not buried.</summary>
    private static IEnumerable<MatchReason> Track(TrackRecord t, MatchWeights w)
    {
        var full = w.ExperienceFullAt;
        yield return t.CompletedInCategory <= 0
            ? MatchReason.Of(MatchReasons.NoExperience, Half(w.Experience), w.Experience)
            : MatchReason.Of(MatchReasons.Experience, Scale(w.Experience, full + Math.Min(t.CompletedInCategory, full), 2L * full), w.Experience, t.CompletedInCategory);

        yield return t.VisitsPlanned <= 0
            ? MatchReason.Of(MatchReasons.NoVisits, Half(w.VisitsKept), w.VisitsKept)
            : MatchReason.Of(MatchReasons.VisitsKept, Scale(w.VisitsKept, Math.Clamp(t.VisitsMade, 0, t.VisitsPlanned), t.VisitsPlanned), w.VisitsKept, t.VisitsMade, t.VisitsPlanned);

        yield return t.ReportsDue <= 0
            ? MatchReason.Of(MatchReasons.NoReports, Half(w.ReportsOnTime), w.ReportsOnTime)
            : MatchReason.Of(MatchReasons.ReportsOnTime, Scale(w.ReportsOnTime, Math.Clamp(t.ReportsOnTime, 0, t.ReportsDue), t.ReportsDue), w.ReportsOnTime, t.ReportsOnTime, t.ReportsDue);

        if (t.AverageReview is not { } average || t.ReviewCount <= 0)
        {
            yield return MatchReason.Of(MatchReasons.NoReviews, Half(w.Reviews), w.Reviews);
        }
        else
        {
            // 1 star gives none of the points, 5 all of them, 3 (the middle) the neutral half.
            var shown = Math.Round(Math.Clamp(average, 1m, 5m), 1, MidpointRounding.AwayFromZero);
            var points = (int)Math.Round(w.Reviews * (Math.Clamp(average, 1m, 5m) - 1m) / 4m, MidpointRounding.AwayFromZero);
            yield return MatchReason.Of(MatchReasons.Reviews, points, w.Reviews, shown, t.ReviewCount);
        }
    }

    private static MatchReason Price(long amount, long fee, MatchWeights w)
    {
        if (fee <= 0)
        {
            return MatchReason.Of(MatchReasons.PriceNoFee, Half(w.Price), w.Price, amount);
        }

        if (amount <= fee)
        {
            return MatchReason.Of(MatchReasons.PriceWithinFee, w.Price, w.Price, amount, fee);
        }

        // Full points at the fee, none at PriceZeroAtPercentOver percent over it, straight in between.
        var over = amount - fee;
        var percentOver = (int)Math.Min(int.MaxValue, (over * 100 + fee - 1) / fee);
        var room = fee * w.PriceZeroAtPercentOver;
        var points = over * 100 >= room ? 0 : Scale(w.Price, room - over * 100, room);
        return MatchReason.Of(MatchReasons.PriceOverFee, points, w.Price, amount, fee, percentOver);
    }

    private static MatchReason Start(DateOnly earliest, DateOnly taskStart, MatchWeights w)
    {
        var late = earliest.DayNumber - taskStart.DayNumber;
        return late <= 0
            ? MatchReason.Of(MatchReasons.StartOnTime, w.Start, w.Start, earliest)
            : MatchReason.Of(MatchReasons.StartLate, Scale(w.Start, Math.Max(0, w.StartZeroAtDaysLate - late), w.StartZeroAtDaysLate), w.Start, earliest, late);
    }

    private static int Half(int weight) => Scale(weight, 1, 2);

    /// <summary>weight × part ÷ whole, rounded half up, in integers (part ≤ whole).</summary>
    private static int Scale(int weight, long part, long whole) =>
        (int)((2L * weight * part + whole) / (2L * whole));
}
