namespace Observatory.Analysis.Text;

/// <summary>Short quotations in results (exchanges, loop phrases, key moments, insights): whitespace folded, at most
/// <see cref="MaxLength"/> characters, cut on a word boundary when one is near and never inside a surrogate pair.</summary>
internal static class Excerpts
{
    public const int MaxLength = 160;

    public static string Of(ReadOnlySpan<char> text, int maxLength = MaxLength) => Of(text.ToString(), maxLength);

    public static string Of(string text, int maxLength = MaxLength)
    {
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (folded.Length <= maxLength) return folded;
        var cut = folded.LastIndexOf(' ', maxLength - 1);
        if (cut <= maxLength / 2)
        {
            cut = maxLength - 1;
            if (char.IsLowSurrogate(folded[cut])) cut--; // never split a surrogate pair
        }
        return folded[..cut] + "…";
    }
}
