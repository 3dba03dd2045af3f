using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Loops of whole messages: a near-duplicate cluster (<see cref="NearDuplicates"/>) split into runs wherever two
/// consecutive members are more than <see cref="MaxGap"/> messages apart — a question asked again at message 500 is a
/// new loop, not the same one as at message 3.
/// </summary>
/// <remarks>
/// A run is a loop when it has at least <see cref="MinOccurrences"/> messages (said three times: asked, asked again,
/// asked a third time), or two messages that are nearly verbatim (Jaccard ≥ <see cref="VerbatimSimilarity"/>) and
/// substantial (≥ <see cref="SubstantialTerms"/> content terms) — an assistant pasting the same answer twice is a loop
/// already. The phrase is the run's medoid (the member most similar to the others, ties → earliest), quoted.
/// </remarks>
internal static class MessageLoops
{
    public const int MaxGap = 10;
    public const int MinOccurrences = 3;
    public const double VerbatimSimilarity = 0.8;
    public const int SubstantialTerms = 5;

    /// <summary>The medoid is chosen among the first members only, which keeps huge clusters linear.</summary>
    private const int MedoidSample = 32;

    public static List<LoopCandidate> Find(NearDuplicates duplicates, MessageTerms terms, IReadOnlyList<ConversationMessage> messages)
    {
        int n = duplicates.ClusterOf.Length;
        var sizes = new int[n];
        foreach (int cluster in duplicates.ClusterOf)
        {
            if (cluster >= 0)
            {
                sizes[cluster]++;
            }
        }

        // Member lists only for clusters that repeat (most messages are a cluster of one).
        var members = new List<int>?[n];
        for (int i = 0; i < n; i++)
        {
            int cluster = duplicates.ClusterOf[i];
            if (cluster >= 0 && sizes[cluster] >= 2)
            {
                (members[cluster] ??= new List<int>(sizes[cluster])).Add(i);
            }
        }

        var loops = new List<LoopCandidate>();
        var run = new List<int>();
        for (int cluster = 0; cluster < n; cluster++)
        {
            if (members[cluster] is not { Count: >= 2 } clusterMembers)
            {
                continue;
            }

            run.Clear();
            foreach (int member in clusterMembers)
            {
                if (run.Count > 0 && member - run[^1] > MaxGap)
                {
                    AddIfLoop(run, terms, messages, loops);
                    run.Clear();
                }

                run.Add(member);
            }

            AddIfLoop(run, terms, messages, loops);
        }

        return loops;
    }

    private static void AddIfLoop(List<int> run, MessageTerms terms, IReadOnlyList<ConversationMessage> messages, List<LoopCandidate> loops)
    {
        TermDocument[] documents = terms.Documents;
        bool isLoop = run.Count >= MinOccurrences
            || (run.Count == 2
                && Math.Min(documents[run[0]].Terms.Length, documents[run[1]].Terms.Length) >= SubstantialTerms
                && NearDuplicates.Jaccard(documents[run[0]].Terms, documents[run[1]].Terms) >= VerbatimSimilarity);
        if (!isLoop)
        {
            return;
        }

        int medoid = Medoid(run, documents);
        loops.Add(new LoopCandidate(LoopCandidate.MessageKind, Excerpts.Of(messages[medoid].Content), [.. run]));
    }

    private static int Medoid(List<int> run, TermDocument[] documents)
    {
        int sample = Math.Min(run.Count, MedoidSample);
        int best = run[0];
        double bestTotal = -1;
        for (int a = 0; a < sample; a++)
        {
            double total = 0;
            for (int b = 0; b < sample; b++)
            {
                if (a != b)
                {
                    total += NearDuplicates.Jaccard(documents[run[a]].Terms, documents[run[b]].Terms);
                }
            }

            if (total > bestTotal)
            {
                best = run[a];
                bestTotal = total;
            }
        }

        return best;
    }
}
