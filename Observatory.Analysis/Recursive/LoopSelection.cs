namespace Observatory.Analysis.Recursive;

/// <summary>
/// Merges message loops and phrase loops into the reported list: phrase loops already explained by a message loop
/// (every occurrence inside the same repeated message) are dropped, as are phrase loops whose phrase is part of a
/// longer phrase loop over the same messages; the same phrase in overlapping runs becomes one loop. The most repeated
/// loops are kept (ties → earliest, then message before phrase, then ordinal phrase) and listed by position.
/// </summary>
internal static class LoopSelection
{
    /// <summary>Phrase loops considered before pairwise de-duplication (bounds the quadratic step).</summary>
    private const int MaxPhraseCandidates = 100;

    public static List<LoopCandidate> Select(List<LoopCandidate> messageLoops, List<LoopCandidate> phraseLoops, int messageCount, int maxLoops)
    {
        var loopOf = new int[messageCount];
        Array.Fill(loopOf, -1);
        for (int l = 0; l < messageLoops.Count; l++)
        {
            foreach (int member in messageLoops[l].Members)
            {
                loopOf[member] = l;
            }
        }

        var phrases = new List<LoopCandidate>();
        foreach (LoopCandidate candidate in phraseLoops)
        {
            int loop = loopOf[candidate.Members[0]];
            bool explained = loop >= 0 && candidate.Members.All(member => loopOf[member] == loop);
            if (!explained)
            {
                phrases.Add(candidate);
            }
        }

        phrases = MergeSamePhrase(phrases);
        phrases.Sort(ByImportance);
        if (phrases.Count > MaxPhraseCandidates)
        {
            phrases.RemoveRange(MaxPhraseCandidates, phrases.Count - MaxPhraseCandidates);
        }

        var kept = new List<LoopCandidate>(messageLoops);
        string[] padded = [.. phrases.Select(phrase => " " + phrase.Phrase + " ")];
        for (int p = 0; p < phrases.Count; p++)
        {
            LoopCandidate candidate = phrases[p];
            bool contained = false;
            for (int o = 0; o < phrases.Count && !contained; o++)
            {
                LoopCandidate other = phrases[o];
                contained = o != p
                    && other.Phrase.Length > candidate.Phrase.Length
                    && other.Members.Count >= candidate.Members.Count
                    && Overlaps(other, candidate)
                    && padded[o].Contains(padded[p], StringComparison.Ordinal);
            }

            if (!contained)
            {
                kept.Add(candidate);
            }
        }

        kept.Sort(ByImportance);
        if (kept.Count > maxLoops)
        {
            kept.RemoveRange(maxLoops, kept.Count - maxLoops);
        }

        kept.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : a.Kind != b.Kind ? string.CompareOrdinal(a.Kind, b.Kind)
            : string.CompareOrdinal(a.Phrase, b.Phrase));
        return kept;
    }

    private static int ByImportance(LoopCandidate a, LoopCandidate b) =>
        a.Members.Count != b.Members.Count ? b.Members.Count.CompareTo(a.Members.Count)
        : a.Start != b.Start ? a.Start.CompareTo(b.Start)
        : a.Kind != b.Kind ? string.CompareOrdinal(a.Kind, b.Kind)
        : string.CompareOrdinal(a.Phrase, b.Phrase);

    /// <summary>One loop per phrase and overlapping stretch: runs of the same phrase that overlap are united.</summary>
    private static List<LoopCandidate> MergeSamePhrase(List<LoopCandidate> phrases)
    {
        phrases.Sort((a, b) => string.CompareOrdinal(a.Phrase, b.Phrase) is var byPhrase and not 0 ? byPhrase
            : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<LoopCandidate>(phrases.Count);
        foreach (LoopCandidate candidate in phrases)
        {
            if (merged.Count > 0 && merged[^1].Phrase == candidate.Phrase && candidate.Start <= merged[^1].End)
            {
                LoopCandidate previous = merged[^1];
                merged[^1] = previous with { Members = UnionOfAscending(previous.Members, candidate.Members) };
            }
            else
            {
                merged.Add(candidate);
            }
        }

        return merged;
    }

    private static List<int> UnionOfAscending(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var union = new List<int>(a.Count + b.Count);
        int x = 0;
        int y = 0;
        while (x < a.Count || y < b.Count)
        {
            int next = y >= b.Count || (x < a.Count && a[x] <= b[y]) ? a[x] : b[y];
            if (x < a.Count && a[x] == next)
            {
                x++;
            }

            if (y < b.Count && b[y] == next)
            {
                y++;
            }

            union.Add(next);
        }

        return union;
    }

    private static bool Overlaps(LoopCandidate a, LoopCandidate b) => a.Start <= b.End && b.Start <= a.End;
}
