using Observatory.Analysis.Core;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Which messages say again what an earlier message said: Jaccard similarity of their content-term sets (stems, stop
/// words and politeness removed), so "Could you please reset my password?", "I'd like to get my password reset,
/// please" and "Can my password be reset?" all reduce to {password, reset} and match, while word order and filler do
/// not matter. Each message joins the group ("cluster") of the most similar earlier message at or above
/// <see cref="Threshold"/>; a cluster is named by its first message.
/// </summary>
/// <remarks>
/// Sets rather than 3-gram shingles because rephrasings reorder words and short messages have no 3-grams of content
/// words; the shingles measure phrase-level redundancy separately (<see cref="PhraseLoops"/>).
/// Candidates come from prefix filtering (Chaudhuri et al. 2006; Xiao et al., PPJoin): with terms ordered rarest
/// first, two sets with Jaccard ≥ t must share a term among the first |x| − ⌈t·|x|⌉ + 1 of each, so only those terms
/// are indexed and probed, and the rarest terms have the shortest posting lists. Earlier messages are only compared
/// when they share enough of those prefix terms to still reach the threshold (<see cref="RequiredSharedInPrefixes"/>),
/// so exact Jaccard runs on a handful of real candidates. Each probe reads at most
/// <see cref="MaxCandidatesPerTerm"/> most recent postings, which bounds the worst case (10,000 copies of one message)
/// to linear time; a message usually repeats something recent, and any copy found joins the same cluster.
/// </remarks>
internal sealed class NearDuplicates
{
    public const double Threshold = (double)ThresholdNumerator / ThresholdDenominator;

    /// <summary>The threshold 3/5 as a fraction, so the filter bounds are exact integer arithmetic.</summary>
    private const int ThresholdNumerator = 3;

    private const int ThresholdDenominator = 5;

    /// <summary>Messages with fewer content terms are too short to call repetitions (one shared word is coincidence).</summary>
    public const int MinTerms = 2;

    public const int MaxCandidatesPerTerm = 8;

    private NearDuplicates(int[] clusterOf, int eligible, int duplicates)
    {
        ClusterOf = clusterOf;
        Eligible = eligible;
        Duplicates = duplicates;
    }

    /// <summary>Cluster id (= index of its first message) of each message; −1 for messages too short to compare.</summary>
    public int[] ClusterOf { get; }

    /// <summary>Messages with at least <see cref="MinTerms"/> content terms.</summary>
    public int Eligible { get; }

    /// <summary>Messages that repeat an earlier message.</summary>
    public int Duplicates { get; }

    public static NearDuplicates Find(MessageTerms terms, CancellationToken cancellationToken)
    {
        TermDocument[] documents = terms.Documents;
        int n = documents.Length;
        PrefixIndex index = PrefixIndex.Build(documents, RarestFirstRanks(terms.Vocabulary), cancellationToken);
        var clusterOf = new int[n];
        var seenAt = new int[n];
        var sharedInPrefix = new int[n];
        Array.Fill(seenAt, -1);
        var candidates = new List<int>();
        int eligible = 0;
        int duplicates = 0;

        for (int i = 0; i < n; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            int size = index.Sizes[i];
            if (size < MinTerms)
            {
                clusterOf[i] = -1;
                continue;
            }

            eligible++;

            // Count, per earlier message, how many of this message's prefix terms are in its indexed prefix. Each
            // term's posting list is ascending, and its cursor marks where the messages before i end.
            candidates.Clear();
            ReadOnlySpan<int> prefix = index.PrefixOf(i);
            foreach (int term in prefix)
            {
                int begin = index.Offsets[term];
                int end = begin + index.Cursors[term];
                int stop = Math.Max(begin, end - MaxCandidatesPerTerm);
                for (int e = end - 1; e >= stop; e--)
                {
                    int j = index.Postings[e];
                    if (seenAt[j] != i)
                    {
                        seenAt[j] = i;
                        sharedInPrefix[j] = 0;
                        candidates.Add(j);
                    }

                    sharedInPrefix[j]++;
                }
            }

            foreach (int term in prefix)
            {
                index.Cursors[term]++;
            }

            int best = -1;
            double bestSimilarity = 0;
            foreach (int j in candidates)
            {
                int other = index.Sizes[j];
                if (sharedInPrefix[j] < RequiredSharedInPrefixes(size, other)
                    || ThresholdDenominator * other < ThresholdNumerator * size
                    || ThresholdDenominator * size < ThresholdNumerator * other)
                {
                    continue;
                }

                double similarity = Jaccard(documents[i].Terms, documents[j].Terms);
                if (similarity > bestSimilarity || (similarity == bestSimilarity && j > best))
                {
                    best = j;
                    bestSimilarity = similarity;
                }
            }

            if (best >= 0 && bestSimilarity >= Threshold)
            {
                clusterOf[i] = clusterOf[best];
                duplicates++;
            }
            else
            {
                clusterOf[i] = i;
            }
        }

        return new NearDuplicates(clusterOf, eligible, duplicates);
    }

    /// <summary>Prefix length |x| − ⌈t·|x|⌉ + 1: two sets with Jaccard ≥ t share a term among their first this many.</summary>
    private static int PrefixLength(int size) => size - CeilingDivide(ThresholdNumerator * size, ThresholdDenominator) + 1;

    private static int CeilingDivide(int numerator, int denominator) => (numerator + denominator - 1) / denominator;

    /// <summary>
    /// How many terms two sets of these sizes must share inside both prefixes to possibly reach the threshold. They
    /// need α = ⌈t/(1+t)·(|x|+|y|)⌉ shared terms; in the global order the shared terms are a sequence whose first ones
    /// fall in both prefixes, and at most |x| − prefix(x) of them can lie beyond x's prefix (likewise for y).
    /// </summary>
    private static int RequiredSharedInPrefixes(int size, int otherSize)
    {
        int overlap = CeilingDivide(ThresholdNumerator * (size + otherSize), ThresholdNumerator + ThresholdDenominator);
        int inOwn = overlap - (size - PrefixLength(size));
        int inOther = overlap - (otherSize - PrefixLength(otherSize));
        return Math.Max(1, Math.Min(inOwn, inOther));
    }

    /// <summary>Jaccard similarity of two ascending id sets.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        int shared = 0;
        int x = 0;
        int y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                shared++;
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        int union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>
    /// Every comparable message's prefix (its rarest terms, as ranks) and, per rank, the ascending list of messages
    /// whose prefix holds it — flat arrays, so probing walks contiguous memory.
    /// </summary>
    private sealed class PrefixIndex
    {
        public required int[] Sizes { get; init; }

        public required int[] PrefixStarts { get; init; }

        public required int[] PrefixTerms { get; init; }

        /// <summary>Start of each rank's posting list in <see cref="Postings"/>.</summary>
        public required int[] Offsets { get; init; }

        public required int[] Postings { get; init; }

        /// <summary>Per rank, how many of its postings belong to messages already processed.</summary>
        public required int[] Cursors { get; init; }

        public ReadOnlySpan<int> PrefixOf(int message) =>
            PrefixTerms.AsSpan(PrefixStarts[message], PrefixStarts[message + 1] - PrefixStarts[message]);

        public static PrefixIndex Build(TermDocument[] documents, int[] rank, CancellationToken cancellationToken)
        {
            int n = documents.Length;
            var sizes = new int[n];
            var prefixStarts = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                int size = documents[i].Terms.Length;
                sizes[i] = size;
                prefixStarts[i + 1] = prefixStarts[i] + (size >= MinTerms ? PrefixLength(size) : 0);
            }

            var prefixTerms = new int[prefixStarts[n]];
            var postingCounts = new int[rank.Length + 1];
            int[] ranks = new int[16];
            for (int i = 0; i < n; i++)
            {
                CancellationCadence.ThrowIfDue(i, cancellationToken);
                int[] set = documents[i].Terms;
                int prefix = prefixStarts[i + 1] - prefixStarts[i];
                if (prefix == 0)
                {
                    continue;
                }

                if (ranks.Length < set.Length)
                {
                    ranks = new int[Math.Max(set.Length, ranks.Length * 2)];
                }

                for (int t = 0; t < set.Length; t++)
                {
                    ranks[t] = rank[set[t]];
                }

                Array.Sort(ranks, 0, set.Length);
                Array.Copy(ranks, 0, prefixTerms, prefixStarts[i], prefix);
                for (int p = 0; p < prefix; p++)
                {
                    postingCounts[ranks[p] + 1]++;
                }
            }

            for (int r = 1; r < postingCounts.Length; r++)
            {
                postingCounts[r] += postingCounts[r - 1];
            }

            int[] offsets = postingCounts;
            var fill = new int[rank.Length];
            var postings = new int[prefixTerms.Length];
            for (int i = 0; i < n; i++)
            {
                for (int p = prefixStarts[i]; p < prefixStarts[i + 1]; p++)
                {
                    int term = prefixTerms[p];
                    postings[offsets[term] + fill[term]++] = i;
                }
            }

            return new PrefixIndex
            {
                Sizes = sizes,
                PrefixStarts = prefixStarts,
                PrefixTerms = prefixTerms,
                Offsets = offsets,
                Postings = postings,
                Cursors = new int[rank.Length],
            };
        }
    }

    /// <summary>Rank of each stem when ordered by message frequency ascending, ties by id (one primitive sort of
    /// packed (frequency, id) keys).</summary>
    private static int[] RarestFirstRanks(TermVocabulary vocabulary)
    {
        int count = vocabulary.StemCount;
        int[] frequency = vocabulary.DocumentFrequencies;
        var keys = new long[count];
        for (int s = 0; s < count; s++)
        {
            keys[s] = ((long)frequency[s] << 32) | (uint)s;
        }

        Array.Sort(keys);
        var rank = new int[count];
        for (int r = 0; r < count; r++)
        {
            rank[(int)(keys[r] & uint.MaxValue)] = r;
        }

        return rank;
    }
}
