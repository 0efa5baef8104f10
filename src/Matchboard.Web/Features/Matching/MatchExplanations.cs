using System.Globalization;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Web.Infrastructure.Ui;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// Words a <see cref="MatchReason"/> in the reader's language from <c>UiText</c> (<c>match.&lt;code&gt;</c>), each
/// argument formatted as that language writes it: category and ward codes by name, validity as a month
/// (「2027年3月まで」), a day (a bid's start) as a day, amounts in yen, averages to one place.
/// </summary>
public static class MatchExplanations
{
    public const string Prefix = "match.";

    public static MatchReasonDto Explain(MatchReason reason, UiFormat ui) =>
        new(reason.Code, reason.Points, reason.MaxPoints, Text(reason, ui));

    /// <summary>Every reason of a score, in the rubric's order.</summary>
    public static List<MatchReasonDto> Explain(MatchScore score, UiFormat ui) => score.Reasons.Select(r => Explain(r, ui)).ToList();

    public static string Text(MatchReason reason, UiFormat ui)
    {
        var arguments = reason.Arguments.Select(argument => Format(reason.Code, argument, ui)).ToArray();
        var text = ui.Text[Prefix + reason.Code, arguments];
        return text.ResourceNotFound ? reason.Code : text.Value;
    }

    private static object Format(string code, object argument, UiFormat ui) => argument switch
    {
        string category when code.StartsWith("category.", StringComparison.Ordinal) => ui.Category(category),
        string ward when code.StartsWith("place.", StringComparison.Ordinal) => ui.Ward(ward),
        DateOnly day => ui.PlainDate(day),
        YearMonth month => ui.MonthYear(month.FirstDay),
        long yen => UiFormat.Yen(yen),
        decimal average => average.ToString("0.0", CultureInfo.InvariantCulture),
        int count => ui.Number(count),
        _ => argument.ToString() ?? string.Empty,
    };
}
