using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Callbacks: a message that brings back a salient term after the conversation left it for a while — "going back to
/// the sourdough starter…" forty messages after the starter was introduced.
/// </summary>
/// <remarks>
/// A content term (not a stop word, at least three characters) counts at message i when its previous mention was at
/// least <see cref="MinGap"/> messages earlier (so it was absent in between) and it was rare up to then: mentioned in at
/// most max(3, 2 % of the messages) earlier messages — a word said throughout the conversation is a theme, not a
/// callback. Rarity is counted before the return, not over the whole conversation: an idea that is parked and then
/// picked up and discussed at length ("remember Lighthouse?" followed by five messages about it) is the clearest
/// callback of all. The callback refers to the message that first introduced the term. Repeats of an earlier message
/// (same near-duplicate cluster) are loops, not callbacks. Candidates are ranked by salience, gap × ln(n / earlier
/// mentions): a long absence of a term that had been said once outranks a word like "agreed" that happens to recur
/// after twenty messages. One callback per (message, referred message), the most salient; of all callbacks the
/// <see cref="MaxCallbacks"/> most salient are kept (ties → longer gap, earlier message, ordinal term), selected with a
/// bounded heap so a long conversation with thousands of candidates stays linear, and reported in message order.
/// </remarks>
internal static class TermCallbacks
{
    public const int MaxCallbacks = 20;
    public const int MinTermLength = 3;

    /// <summary>Gap in messages: a fifth of the conversation, at least 8 and at most 50.</summary>
    public static int MinGap(int messageCount) => Math.Clamp(messageCount / 5, 8, 50);

    public static int MaxMessageFrequency(int messageCount) => Math.Max(3, (int)Math.Ceiling(messageCount * 0.02));

    public static IReadOnlyList<TermCallback> Find(MessageTerms terms, NearDuplicates duplicates)
    {
        TermDocument[] documents = terms.Documents;
        TermVocabulary vocabulary = terms.Vocabulary;
        int n = documents.Length;
        int minGap = MinGap(n);
        int maxFrequency = MaxMessageFrequency(n);
        var first = new int[vocabulary.StemCount];
        var last = new int[vocabulary.StemCount];
        var mentions = new int[vocabulary.StemCount];
        Array.Fill(first, -1);
        Array.Fill(last, -1);

        var comparer = new CandidateOrder(vocabulary);
        var kept = new PriorityQueue<Candidate, Candidate>(MaxCallbacks + 1, comparer);
        var inMessage = new List<Candidate>();
        for (int i = 0; i < n; i++)
        {
            inMessage.Clear();
            foreach (int stem in documents[i].Terms)
            {
                int previous = last[stem];
                if (previous >= 0 && i - previous >= minGap
                    && mentions[stem] <= maxFrequency
                    && vocabulary.Display(stem).Length >= MinTermLength
                    && !SameCluster(duplicates, i, previous))
                {
                    double salience = (i - previous) * Math.Log((double)n / mentions[stem]);
                    KeepMostSalientPerReferent(inMessage, new Candidate(i, first[stem], stem, i - previous, salience), comparer);
                }

                if (first[stem] < 0)
                {
                    first[stem] = i;
                }

                last[stem] = i;
                mentions[stem]++;
            }

            foreach (Candidate candidate in inMessage)
            {
                if (kept.Count < MaxCallbacks)
                {
                    kept.Enqueue(candidate, candidate);
                }
                else if (comparer.Compare(candidate, kept.Peek()) > 0)
                {
                    kept.EnqueueDequeue(candidate, candidate);
                }
            }
        }

        var callbacks = new List<TermCallback>(kept.Count);
        while (kept.TryDequeue(out Candidate candidate, out _))
        {
            callbacks.Add(new TermCallback
            {
                Index = candidate.Index,
                RefersToIndex = candidate.RefersTo,
                Term = vocabulary.Display(candidate.Stem),
                Gap = candidate.Gap,
            });
        }

        callbacks.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index)
            : a.RefersToIndex != b.RefersToIndex ? a.RefersToIndex.CompareTo(b.RefersToIndex)
            : string.CompareOrdinal(a.Term, b.Term));
        return callbacks;
    }

    private static bool SameCluster(NearDuplicates duplicates, int a, int b) =>
        duplicates.ClusterOf[a] >= 0 && duplicates.ClusterOf[a] == duplicates.ClusterOf[b];

    private static void KeepMostSalientPerReferent(List<Candidate> inMessage, Candidate candidate, CandidateOrder order)
    {
        for (int c = 0; c < inMessage.Count; c++)
        {
            if (inMessage[c].RefersTo == candidate.RefersTo)
            {
                if (order.Compare(candidate, inMessage[c]) > 0)
                {
                    inMessage[c] = candidate;
                }

                return;
            }
        }

        inMessage.Add(candidate);
    }

    private readonly record struct Candidate(int Index, int RefersTo, int Stem, int Gap, double Salience);

    /// <summary>Least important first (the heap evicts it): lower salience, then shorter gap, then later message, then
    /// later term.</summary>
    private sealed class CandidateOrder(TermVocabulary vocabulary) : IComparer<Candidate>
    {
        public int Compare(Candidate a, Candidate b) =>
            a.Salience != b.Salience ? a.Salience.CompareTo(b.Salience)
            : a.Gap != b.Gap ? a.Gap.CompareTo(b.Gap)
            : a.Index != b.Index ? b.Index.CompareTo(a.Index)
            : string.CompareOrdinal(vocabulary.Display(b.Stem), vocabulary.Display(a.Stem));
    }
}
