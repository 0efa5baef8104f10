using CsvHelper;

namespace Matchboard.Web.Infrastructure.Csv;

/// <summary>
/// How every CSV download is written: RFC 4180 by CsvHelper, UTF-8 with a byte order mark (Excel in Japan reads a file
/// without one as Shift_JIS), and a cell a spreadsheet would run as a formula (starting with = + - @) written as text,
/// since the names, titles and reasons in it were typed by people.
/// </summary>
public static class SpreadsheetCsv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };
}
