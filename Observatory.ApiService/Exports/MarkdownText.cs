using System.Buffers;
using System.Text;

namespace Observatory.ApiService.Exports;

/// <summary>
/// Puts user-controlled text (speakers, titles, excerpts, keywords) into Markdown as plain text: every character that
/// could start markup, a link, an autolink, raw HTML or an entity is backslash-escaped, and line breaks become spaces
/// so text cannot end a table row or list item early.
/// </summary>
internal static class MarkdownText
{
    // Emphasis, code, links and images ([ ]), raw HTML and autolinks (< >), headings, tables, strikethrough, the
    // escape character itself, entities (&), and the ':' and '@' that extended autolinks (http://…, mailto:, a@b.c) need.
    private static readonly SearchValues<char> Significant = SearchValues.Create("\\`*_[]<>#|~&:@!");

    public static void Append(StringBuilder markdown, string? text)
    {
        if (text is null) return;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                markdown.Append(' ');
                continue;
            }
            // "www." starts an extended autolink without any ':' — break it at the dot.
            if (Significant.Contains(c) || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
                markdown.Append('\\');
            markdown.Append(c);
        }
    }

    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Append(builder, text);
        return builder.ToString();
    }
}
