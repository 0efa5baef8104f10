namespace Matchboard.Domain.Matching;

/// <summary>
/// One factor's part in a score: a stable code (e.g. <c>place.same-ward</c>) with the values its sentence needs,
/// which Web words in Japanese and English (「同じ区で活動」), the points given and the most it could give.
/// Arguments are plain values (string codes, int, long, decimal, DateOnly, YearMonth) so each language formats them itself.
/// </summary>
public sealed record MatchReason(string Code, int Points, int MaxPoints, IReadOnlyList<object> Arguments)
{
    public static MatchReason Of(string code, int points, int maxPoints, params object[] arguments) =>
        new(code, points, maxPoints, arguments);
}

/// <summary>
/// A match's score and why: the total is exactly the sum of the reasons' points. A match that fails a requirement of
/// the task (certification, insurance) is still explained, with <see cref="MeetsRequirements"/> false, and is ranked
/// after every match that meets them.
/// </summary>
public sealed record MatchScore(int Total, bool MeetsRequirements, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>The reasons that gave points, largest first (ties in the rubric's order): the "top reasons" for a push or a card.</summary>
    public IEnumerable<MatchReason> TopReasons(int count) => Top(Reasons, r => r.Points, count);

    /// <summary>The same choice over reasons in another shape (e.g. explained ones, in the rubric's order).</summary>
    public static IEnumerable<T> Top<T>(IEnumerable<T> reasons, Func<T, int> points, int count) =>
        reasons.Select((r, i) => (r, i)).Where(p => points(p.r) > 0)
            .OrderByDescending(p => points(p.r)).ThenBy(p => p.i).Take(count).Select(p => p.r);
}

/// <summary>The stable codes of <see cref="MatchReason"/>, and what their arguments are.</summary>
public static class MatchReasons
{
    /// <summary>[category]</summary>
    public const string SameCategory = "category.same";

    /// <summary>[task's category, the group's related category]</summary>
    public const string RelatedCategory = "category.related";

    /// <summary>[task's category] — neither the same nor related: not a candidate (shown only on a bid already made).</summary>
    public const string OtherCategory = "category.other";

    /// <summary>[ward]</summary>
    public const string SameWard = "place.same-ward";

    /// <summary>[task's ward, the group's neighbouring ward]</summary>
    public const string NeighbouringWard = "place.neighbouring-ward";

    /// <summary>[task's ward] — neither served nor next to one served: not a candidate (shown only on a bid already made).</summary>
    public const string OutsideWards = "place.outside";

    /// <summary>[valid through (<see cref="YearMonth"/>)]</summary>
    public const string Certified = "certification.valid";

    /// <summary>[] — the task does not require it; no points.</summary>
    public const string NotCertified = "certification.none";

    /// <summary>[] — the task requires it and it does not count on the bid day and the start date.</summary>
    public const string CertificationRequiredMissing = "certification.required-missing";

    /// <summary>[valid through (<see cref="YearMonth"/>)]</summary>
    public const string Insured = "insurance.valid";

    /// <summary>[]</summary>
    public const string NotInsured = "insurance.none";

    /// <summary>[] — the task requires insurance valid on its start date and there is none.</summary>
    public const string InsuranceRequiredMissing = "insurance.required-missing";

    /// <summary>[left (int), capacity (int)]</summary>
    public const string CapacityLeft = "capacity.left";

    /// <summary>[active contracts (int), capacity (int)] — a warning: no points, not a refusal.</summary>
    public const string CapacityFull = "capacity.full";

    /// <summary>[] — neutral.</summary>
    public const string CapacityNotStated = "capacity.not-stated";

    /// <summary>[completed contracts in the category (int)]</summary>
    public const string Experience = "experience.completed";

    /// <summary>[] — neutral: a first time in this category.</summary>
    public const string NoExperience = "experience.none";

    /// <summary>[made (int), planned (int)]</summary>
    public const string VisitsKept = "visits.kept";

    /// <summary>[] — neutral.</summary>
    public const string NoVisits = "visits.none";

    /// <summary>[on time (int), due (int)]</summary>
    public const string ReportsOnTime = "reports.on-time";

    /// <summary>[] — neutral.</summary>
    public const string NoReports = "reports.none";

    /// <summary>[average (decimal, one place), count (int)]</summary>
    public const string Reviews = "reviews.average";

    /// <summary>[] — neutral.</summary>
    public const string NoReviews = "reviews.none";

    /// <summary>[amount (long), fee (long)]</summary>
    public const string PriceWithinFee = "price.within-fee";

    /// <summary>[amount (long), fee (long), percent over (int)]</summary>
    public const string PriceOverFee = "price.over-fee";

    /// <summary>[amount (long)] — volunteer work (no fee): neutral.</summary>
    public const string PriceNoFee = "price.no-fee";

    /// <summary>[earliest start (DateOnly)]</summary>
    public const string StartOnTime = "start.on-time";

    /// <summary>[earliest start (DateOnly), days late (int)]</summary>
    public const string StartLate = "start.late";

    /// <summary>[awarded to the group (int), awarded by the association (int), percent (int), window in months (int)] — a flag, not points.</summary>
    public const string ShareOfAwards = "fairness.share-of-awards";
}
