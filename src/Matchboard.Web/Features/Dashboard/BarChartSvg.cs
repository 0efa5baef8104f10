using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>
/// A table's chart as inline SVG, drawn on the server (no script): one horizontal bar per row and chosen column.
/// It scales to the page's width (viewBox), so it reads at 375 px. It is hidden from screen readers: the table beside
/// it says the same.
/// </summary>
public static class BarChartSvg
{
    private const int Width = 600;
    private const int LabelWidth = 170;
    private const int BarHeight = 14;
    private const int RowGap = 10;

    /// <summary>Two dark, distinct fills: the first series solid blue, the second dark orange.</summary>
    private static readonly string[] Fills = ["#1d4f91", "#a34700"];

    public static IHtmlContent Render(DashboardTable table)
    {
        if (table.ChartColumns.Count == 0 || table.Rows.Count == 0)
        {
            return HtmlString.Empty;
        }

        var series = table.ChartColumns;
        var max = table.Rows.SelectMany(r => series.Select(c => r.Values[c - 1] ?? 0)).DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 0 : (Width - LabelWidth - 50) / max;
        var rowHeight = (series.Count * BarHeight) + RowGap;
        var legendHeight = 24;
        var height = legendHeight + (table.Rows.Count * rowHeight) + RowGap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var s = 0; s < series.Count; s++)
        {
            var x = LabelWidth + (s * 180);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{Fills[s % Fills.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"16\" font-size=\"14\" fill=\"#1a1a1a\">{Encode(table.Columns[series[s]])}</text>");
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var top = legendHeight + (i * rowHeight);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{top + BarHeight}\" font-size=\"14\" text-anchor=\"end\" fill=\"#1a1a1a\">{Encode(row.Label)}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var value = row.Values[series[s] - 1] ?? 0;
                var y = top + (s * BarHeight);
                var width = Math.Max(value > 0 ? 2 : 0, value * scale);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{BarHeight - 2}\" fill=\"{Fills[s % Fills.Length]}\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{LabelWidth + width + 4:0.#}\" y=\"{y + BarHeight - 3}\" font-size=\"12\" fill=\"#1a1a1a\">{DashboardTable.Cell(value)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
