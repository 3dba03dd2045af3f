namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// One message as terms. <see cref="Terms"/> and <see cref="Counts"/> are the content terms (stop words excluded), as
/// stem ids in ascending order with how often each occurs — ready for sparse dot products by merging. <see cref="Tokens"/>
/// keeps every token in reading order, stop words included, as surface ids (see <see cref="TermVocabulary"/>), for
/// analyses that need phrases. Arrays are shared; treat them as read-only.
/// </summary>
internal sealed class TermDocument(int[] terms, int[] counts, int[] tokens)
{
    public static readonly TermDocument Empty = new([], [], []);

    /// <summary>Distinct content stem ids, ascending.</summary>
    public int[] Terms { get; } = terms;

    /// <summary>Occurrences of each entry of <see cref="Terms"/> in the message.</summary>
    public int[] Counts { get; } = counts;

    /// <summary>Every token of the message in order (stop words included), as surface ids.</summary>
    public int[] Tokens { get; } = tokens;

    public bool HasTerms => Terms.Length > 0;

    /// <summary>Whether the message contains the content stem (binary search over <see cref="Terms"/>).</summary>
    public bool Contains(int stemId) => Array.BinarySearch(Terms, stemId) >= 0;
}
