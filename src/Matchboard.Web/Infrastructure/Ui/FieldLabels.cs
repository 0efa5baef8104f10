namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>
/// The label (a <c>UiText</c> key) of each form field, so that the error summary at the top can say which
/// field a message is about: two lines of 「入力してください。」 alone would not tell an officer where to look.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["Input.Title"] = "field.title",
        ["Input.Description"] = "field.description",
        ["Input.Category"] = "field.category",
        ["Input.Ward"] = "field.ward",
        ["Input.Town"] = "field.town",
        ["Input.StartDate"] = "field.start",
        ["Input.EndDate"] = "field.end",
        ["Input.VisitsPlanned"] = "field.visits",
        ["Input.VisitWeekdays"] = "field.visit-weekdays",
        ["Input.HouseholdsServed"] = "field.households",
        ["Input.FeeYen"] = "new.fee",
        ["Input.DeadlineDate"] = "field.deadline-date",
        ["Input.DeadlineTime"] = "field.deadline-time",
        ["Bid.AmountYen"] = "bid.amount-label",
        ["Bid.Proposal"] = "bid.proposal-label",
        ["Bid.StaffPlanned"] = "bid.staff-label",
        ["Bid.EarliestStart"] = "bid.earliest-start",
        ["Ask.Text"] = "qa.ask-label",
        ["Award.Rationale"] = "award.reason",
        ["Input.Types"] = "settings.types",
        ["Email"] = "signin.email",
        ["Password"] = "signin.password",
    };

    public static string? KeyFor(string modelStateKey) => Keys.GetValueOrDefault(modelStateKey);

    /// <summary>
    /// The label of a property by its name alone (<c>FeeYen</c>), for the model binder's messages, which know no
    /// more; null when no field or several with different labels have that name.
    /// </summary>
    public static string? KeyForProperty(string propertyName)
    {
        var labels = Keys
            .Where(k => k.Key == propertyName || k.Key.EndsWith("." + propertyName, StringComparison.Ordinal))
            .Select(k => k.Value)
            .Distinct()
            .ToList();
        return labels.Count == 1 ? labels[0] : null;
    }
}
