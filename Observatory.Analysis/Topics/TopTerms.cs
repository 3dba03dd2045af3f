using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Topics;

/// <summary>
/// Keeps the k heaviest terms seen so far, heaviest first, ties → the readable form that sorts first (ordinal). One
/// pass with an insertion into a k-long list: linear in the candidates, and the string comparison only runs for
/// candidates that tie with a term already in the top k.
/// </summary>
internal static class TopTerms
{
    public static void Offer(List<(int Stem, double Weight)> top, int k, (int Stem, double Weight) candidate, TermVocabulary vocabulary)
    {
        if (k <= 0 || (top.Count == k && !Before(candidate, top[^1], vocabulary)))
        {
            return;
        }

        int position = top.Count;
        while (position > 0 && Before(candidate, top[position - 1], vocabulary))
        {
            position--;
        }

        top.Insert(position, candidate);
        if (top.Count > k)
        {
            top.RemoveAt(k);
        }
    }

    private static bool Before((int Stem, double Weight) a, (int Stem, double Weight) b, TermVocabulary vocabulary) =>
        a.Weight != b.Weight
            ? a.Weight > b.Weight
            : string.CompareOrdinal(vocabulary.Display(a.Stem), vocabulary.Display(b.Stem)) < 0;
}
