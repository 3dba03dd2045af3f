using System.Text;

namespace Observatory.Analysis.Text;

/// <summary>A JSON string may carry half of a UTF-16 surrogate pair (<c>"\ud800"</c>), which no encoding can write
/// back faithfully: replaced by U+FFFD on the way in, so results are stable bytes however often they are stored.</summary>
internal static class LoneSurrogates
{
    public static string Replace(string text)
    {
        int first = IndexOfLone(text, 0);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    private static int IndexOfLone(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }
}
