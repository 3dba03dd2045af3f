using System.Globalization;
using System.Text;

namespace Observatory.LoadTest;

/// <summary>A small aligned Markdown table; numbers right-aligned.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _numeric = new bool[headers.Length];

    public MarkdownTable Row(params object?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        var text = new string[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            text[i] = Format(cells[i]);
            _numeric[i] |= cells[i] is int or long or double;
        }

        _rows.Add(text);
        return this;
    }

    public static string Format(object? value) => value switch
    {
        null => "—",
        double d when double.IsNaN(d) => "—",
        double d => d.ToString(Math.Abs(d) >= 100 ? "0.0" : "0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Replace("|", "\\|", StringComparison.Ordinal) ?? "",
    };

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(3, _rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        var builder = new StringBuilder();
        builder.Append('|');
        for (int i = 0; i < headers.Length; i++)
        {
            builder.Append(' ').Append(headers[i].PadRight(widths[i])).Append(" |");
        }

        builder.AppendLine().Append('|');
        for (int i = 0; i < headers.Length; i++)
        {
            builder.Append(_numeric[i] ? new string('-', widths[i] + 1) + ":|" : new string('-', widths[i] + 2) + "|");
        }

        foreach (string[] row in _rows)
        {
            builder.AppendLine().Append('|');
            for (int i = 0; i < row.Length; i++)
            {
                builder.Append(' ').Append(_numeric[i] ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i])).Append(" |");
            }
        }

        return builder.AppendLine().ToString();
    }
}
