using System.Buffers;
using System.Globalization;
using System.Text;

namespace Observatory.ApiService.Exports;

/// <summary>Writes CSV cells (RFC 4180: comma-separated, CRLF rows, quoted when needed, quotes doubled).</summary>
internal static class CsvCells
{
    public const string RowEnd = "\r\n";

    // A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create("\",\r\n");

    public static void AppendHeader(StringBuilder row, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) row.Append(',');
            row.Append(columns[i]);
        }
        row.Append(RowEnd);
    }

    /// <summary>
    /// Text that may come from a user (speaker names, labels): a leading formula character gets an apostrophe in front,
    /// which spreadsheets show as text. Only text cells are neutralised: a negative number stays a number.
    /// </summary>
    public static void AppendText(StringBuilder row, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        var neutralise = FormulaStarts.Contains(value[0]);
        if (!value.AsSpan().ContainsAny(NeedsQuotes))
        {
            if (neutralise) row.Append('\'');
            row.Append(value);
            return;
        }
        row.Append('"');
        if (neutralise) row.Append('\'');
        foreach (var c in value)
        {
            if (c == '"') row.Append('"');
            row.Append(c);
        }
        row.Append('"');
    }

    public static void AppendNumber(StringBuilder row, double? value)
    {
        if (value is { } number) row.Append(CultureInfo.InvariantCulture, $"{number}");
    }

    public static void AppendNumber(StringBuilder row, int? value)
    {
        if (value is { } number) row.Append(CultureInfo.InvariantCulture, $"{number}");
    }

    public static void AppendBoolean(StringBuilder row, bool? value)
    {
        if (value is { } flag) row.Append(flag ? "true" : "false");
    }
}
