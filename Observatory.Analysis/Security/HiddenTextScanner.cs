using System.Buffers;
using System.Text;

namespace Observatory.Analysis.Security;

/// <summary>What <see cref="HiddenTextScanner"/> found in one message.</summary>
/// <param name="Invisible">Suspicious invisible characters were present (see <see cref="HiddenTextScanner"/>).</param>
/// <param name="Visible">The text with invisible characters removed (null when there were none).</param>
/// <param name="Smuggled">ASCII carried by Unicode tag characters (null when there was none).</param>
internal readonly record struct HiddenTextFinding(bool Invisible, string? Visible, string? Smuggled);

/// <summary>
/// Finds characters a reader cannot see. Suspicious: Unicode tag characters U+E0000–E007F (except inside an emoji
/// flag sequence such as 🏴 + tags for England), bidi embeddings/overrides U+202A–U+202E, and three or more
/// zero-width characters (U+200B, U+2060, U+180E, U+FEFF after the start, and U+200C/U+200D between ASCII letters —
/// joiners inside emoji sequences and Persian/Indic words are normal). Also returns the text with these removed and
/// any ASCII smuggled in tag characters, so the phrase patterns can read what was hidden ("ig\u200Bnore previous
/// instructions").
/// </summary>
internal static class HiddenTextScanner
{
    private const int ZeroWidthThreshold = 3;

    /// <summary>First characters of anything this scanner cares about (tag characters start with high surrogate U+DB40).</summary>
    private static readonly SearchValues<char> Candidates = SearchValues.Create(
        "\u200B\u200C\u200D\u2060\u180E\uFEFF\u202A\u202B\u202C\u202D\u202E\uDB40");

    public static bool MayHide(string text) => text.AsSpan().IndexOfAny(Candidates) >= 0;

    public static HiddenTextFinding Scan(string text)
    {
        int first = text.AsSpan().IndexOfAny(Candidates);
        if (first < 0)
        {
            return default;
        }

        int zeroWidth = 0, tags = 0, bidi = 0;
        var visible = new StringBuilder(text.Length);
        StringBuilder? smuggled = null;
        visible.Append(text, 0, first);
        bool inFlag = false;
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\uDB40' && i + 1 < text.Length && text[i + 1] is >= '\uDC00' and <= '\uDC7F')
            {
                // Tag characters: U+E0000 + ASCII. Legitimate only right after the black flag U+1F3F4 (subdivision flags).
                inFlag |= i >= 2 && text[i - 2] == '\uD83C' && text[i - 1] == '\uDFF4';
                char ascii = (char)(text[i + 1] - '\uDC00');
                if (!inFlag)
                {
                    tags++;
                    if (ascii is >= ' ' and <= '~')
                    {
                        (smuggled ??= new StringBuilder()).Append(ascii);
                    }
                }
                else
                {
                    visible.Append(c).Append(text[i + 1]);
                }

                inFlag &= ascii != '\u007F';
                i++;
                continue;
            }

            inFlag = false;
            switch (c)
            {
                case '\u200B' or '\u2060' or '\u180E':
                case '\uFEFF' when i > 0:
                    zeroWidth++;
                    continue;
                case '\u200C' or '\u200D' when IsBetweenAsciiLetters(text, i):
                    zeroWidth++;
                    continue;
                case >= '\u202A' and <= '\u202E':
                    bidi++;
                    continue;
            }

            visible.Append(c);
        }

        bool invisible = tags > 0 || bidi > 0 || zeroWidth >= ZeroWidthThreshold;
        bool changed = visible.Length != text.Length;
        return new HiddenTextFinding(invisible, changed ? visible.ToString() : null, smuggled?.ToString());
    }

    private static bool IsBetweenAsciiLetters(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsAsciiLetter(text[i - 1]) && char.IsAsciiLetter(text[i + 1]);
}
