using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Synthesis;

/// <summary>
/// Themes are groups of content terms that keep turning up together across the conversation. Candidates are terms
/// used in at least two messages but not nearly everywhere; each theme is seeded by the strongest remaining term and
/// gathers the candidates that co-occur with it (Jaccard overlap of the messages that carry them, counting a term
/// as present in a short window around each message so that a question and its answer share a theme). Weight is the
/// share of messages carrying the theme. Linear in the text plus a small quadratic over at most
/// <see cref="MaxCandidates"/> candidates.
/// </summary>
internal static class ThemeFinder
{
    private const int MaxCandidates = 40;
    private const int MaxThemes = 6;
    private const int MaxIndicesPerTheme = 500;
    private const double MinOverlap = 0.2;

    public static IReadOnlyList<Theme> Find(MessageTerms terms, int messageCount)
    {
        if (messageCount < 2 || !terms.HasTerms || !terms.LooksEnglish) return [];
        var vocabulary = terms.Vocabulary;
        int maxDocumentFrequency = Math.Max(2, (int)(messageCount * 0.6));

        var candidates = Enumerable.Range(0, vocabulary.StemCount)
            .Where(stem => !vocabulary.StopWordFlags[stem] && vocabulary.DocumentFrequencies[stem] >= 2 && vocabulary.DocumentFrequencies[stem] <= maxDocumentFrequency)
            .OrderByDescending(stem => vocabulary.TotalCounts[stem] * Math.Log(1 + messageCount / (double)vocabulary.DocumentFrequencies[stem]))
            .ThenBy(stem => vocabulary.Stems[stem], StringComparer.Ordinal)
            .Take(MaxCandidates)
            .ToArray();
        if (candidates.Length == 0) return [];

        // Which windows (message ± 1) carry each candidate.
        var carriers = candidates.Select(stem => Carriers(terms.Documents, stem, window: 1)).ToArray();
        var used = new bool[candidates.Length];
        var themes = new List<Theme>();
        for (int seed = 0; seed < candidates.Length && themes.Count < MaxThemes; seed++)
        {
            if (used[seed]) continue;
            used[seed] = true;
            var members = new List<int> { seed };
            for (int other = seed + 1; other < candidates.Length && members.Count < 4; other++)
            {
                if (!used[other] && Jaccard(carriers[seed], carriers[other]) >= MinOverlap)
                {
                    used[other] = true;
                    members.Add(other);
                }
            }
            if (members.Count < 2 && themes.Count > 0) continue; // a lone term is a keyword, not a theme — except the strongest

            var indices = new SortedSet<int>();
            foreach (var member in members)
                for (int i = 0; i < terms.Documents.Length; i++)
                    if (terms.Documents[i].Contains(candidates[member])) indices.Add(i);
            themes.Add(new Theme
            {
                Label = string.Join(" / ", members.Select(m => vocabulary.DisplayForms[candidates[m]])),
                Weight = Precision.Ratio(indices.Count, messageCount),
                MessageIndices = indices.Take(MaxIndicesPerTheme).ToArray(),
            });
        }
        return themes.OrderByDescending(t => t.Weight).ThenBy(t => t.Label, StringComparer.Ordinal).ToArray();
    }

    private static HashSet<int> Carriers(TermDocument[] documents, int stem, int window)
    {
        var set = new HashSet<int>();
        for (int i = 0; i < documents.Length; i++)
            if (documents[i].Contains(stem))
                for (int w = Math.Max(0, i - window); w <= Math.Min(documents.Length - 1, i + window); w++) set.Add(w);
        return set;
    }

    private static double Jaccard(HashSet<int> a, HashSet<int> b)
    {
        int shared = 0;
        foreach (var x in a) if (b.Contains(x)) shared++;
        int union = a.Count + b.Count - shared;
        return union == 0 ? 0 : shared / (double)union;
    }
}
