using CsvHelper;
using Matchboard.Web.Infrastructure.Csv;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>A dashboard table as CSV (<see cref="SpreadsheetCsv"/>).</summary>
public static class DashboardCsv
{
    public static byte[] Write(DashboardTable table)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, SpreadsheetCsv.Options, leaveOpen: true))
        {
            csv.WriteRecord([.. table.Columns]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([row.Label, .. row.Values.Select(DashboardTable.Cell)]);
            }
        }

        return stream.ToArray();
    }

    public static string FileName(DashboardTable table) => $"matchboard-dashboard-{table.Id}.csv";
}
