using System.Globalization;
using CsvHelper;
using Matchboard.Domain;
using Matchboard.Web.Infrastructure.Csv;
using Matchboard.Web.Infrastructure.Ui;

namespace Matchboard.Web.Features.Awards;

/// <summary>
/// The register as a CSV file, one row per task, written by CsvHelper (quoting, line breaks in reasons) in UTF-8
/// with a byte-order mark, so that Excel in Japan opens it as UTF-8 rather than Shift_JIS. Headers and the names
/// of wards, categories and states are in the reader's language; amounts are plain yen, times are Japan time.
/// </summary>
public sealed class AwardRegisterCsv(AwardRegisterService register, UiFormat ui)
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Between revealed bids in their one cell: 「団体名: 金額」 joined by this.</summary>
    public const string BidSeparator = "; ";

    private static readonly string[] Columns =
    [
        "task-id", "title", "association", "category", "ward", "status", "fee", "volunteer", "winner", "amount",
        "reason", "bid-count", "withdrawn", "bids", "posted", "deadline", "awarded", "cancelled", "decided",
    ];

    public async Task<byte[]> WriteAsync(AwardRegisterQuery query, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, SpreadsheetCsv.Options, leaveOpen: true))
        {
            csv.WriteHeader(Columns.Select(column => ui.Text["awards.csv." + column].Value).ToArray());
            await foreach (var e in register.AllAsync(query, ct))
            {
                csv.WriteRecord(
                [
                    Number(e.TaskId),
                    e.Title,
                    e.Association.Name,
                    ui.Category(e.Category),
                    ui.Ward(e.Ward),
                    ui.Status(e.Status),
                    Number(e.FeeYen),
                    e.IsVolunteer ? ui.Text["awards.csv.yes"].Value : string.Empty,
                    e.Winner?.Name ?? string.Empty,
                    e.AwardedAmountYen is { } amount ? Number(amount) : string.Empty,
                    e.Rationale ?? string.Empty,
                    Number(e.BidCount),
                    Number(e.WithdrawnBidCount),
                    string.Join(BidSeparator, e.Bids.Select(b => $"{b.GroupName}: {Number(b.AmountYen)}")),
                    Time(e.PostedAt),
                    Time(e.BidDeadline),
                    Time(e.AwardedAt),
                    Time(e.CancelledAt),
                    Time(e.DecidedAt),
                ]);
            }
        }

        return buffer.ToArray();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Japan time, in a form spreadsheets read as a date and time.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant?.ToOffset(JapanTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;
}
