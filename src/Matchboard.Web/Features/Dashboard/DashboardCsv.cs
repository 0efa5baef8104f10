using CsvHelper;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>A dashboard table as CSV, written by CsvHelper (quoting, line ends), UTF-8 with a byte order mark for spreadsheets.</summary>
public static class DashboardCsv
{
    public static byte[] Write(DashboardTable table)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,

            // A ward or column name never starts with "=", but a spreadsheet must never run a cell as a formula.
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
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
