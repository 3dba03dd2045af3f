namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Turns one group of a <see cref="ConversationPartition"/> into what a researcher reads: the top keywords, shown in
/// the spelling the members used most; a label of the first <see cref="LabelKeywords"/>; the member closest to the
/// centroid; and, for a cluster of at least <see cref="BatchAggregateOptions.MinClusterSize"/>, up to
/// <see cref="Excerpts"/> distinct excerpts of the members closest to the centroid.
/// </summary>
/// <remarks>
/// Keywords rank by the members' summed TF-IDF weight for the term less what as many conversations from the rest of
/// the batch carry on average (ties → stem order), so a word every conversation uses ("help", "review") does not head
/// every label; with a single cluster (or nothing distinctive) this is simply the summed weight.
/// </remarks>
internal static class ClusterDescription
{
    public const int Keywords = 5;
    public const int LabelKeywords = 3;
    public const int Excerpts = 3;
    public const string LabelSeparator = " / ";

    /// <param name="batchWeights">Summed keyword weight of each term over every clustered conversation.</param>
    /// <param name="members">Points of the group, ascending (ref order).</param>
    /// <param name="similarity">Each member's similarity to the centroid, parallel to <paramref name="members"/>.</param>
    public static ConversationCluster Describe(
        ConversationVectors vectors,
        IReadOnlyList<(string Ref, ConversationDigest Digest)> conversations,
        double[] batchWeights,
        int[] members,
        double[] similarity,
        BatchAggregateOptions options)
    {
        string[] keywords = TopKeywords(vectors, batchWeights, members);

        // Closest to the centroid first; equal similarity → ref order.
        int[] byCloseness = Enumerable.Range(0, members.Length)
            .OrderByDescending(m => similarity[m])
            .ThenBy(m => members[m])
            .ToArray();

        IReadOnlyList<string> excerpts = members.Length < options.MinClusterSize
            ? []
            : byCloseness
                .Select(m => conversations[members[m]].Digest.Excerpt)
                .OfType<string>()
                .Where(excerpt => excerpt.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Take(Excerpts)
                .ToArray();

        return new ConversationCluster
        {
            Label = string.Join(LabelSeparator, keywords.Take(LabelKeywords)),
            Size = members.Length,
            Refs = members.Select(point => conversations[point].Ref).ToArray(),
            Keywords = keywords,
            RepresentativeRef = conversations[members[byCloseness[0]]].Ref,
            Excerpts = excerpts,
        };
    }

    private static string[] TopKeywords(ConversationVectors vectors, double[] batchWeights, int[] members)
    {
        var memberWeights = new double[vectors.TermCount];
        foreach (int point in members)
        {
            ReadOnlySpan<int> indices = vectors.Indices(point);
            ReadOnlySpan<double> values = vectors.Values(point);
            for (int e = 0; e < indices.Length && indices[e] < vectors.TermCount; e++)
            {
                memberWeights[indices[e]] += values[e];
            }
        }

        int others = vectors.Count - members.Length;
        var scores = new double[vectors.TermCount];
        for (int term = 0; term < scores.Length; term++)
        {
            double typicalOther = others == 0 ? 0 : (batchWeights[term] - memberWeights[term]) / others;
            scores[term] = memberWeights[term] - members.Length * typicalOther;
        }

        // A cluster with nothing distinctive (rare: its members' words are all more common elsewhere) still gets its
        // strongest words.
        bool distinctive = Enumerable.Range(0, scores.Length).Any(term => memberWeights[term] > 0 && scores[term] > 0);
        double[] ranking = distinctive ? scores : memberWeights;
        return Enumerable.Range(0, scores.Length)
            .Where(term => memberWeights[term] > 0 && ranking[term] > 0)
            .OrderByDescending(term => ranking[term])
            .ThenBy(term => vectors.TermKeys[term], StringComparer.Ordinal)
            .Take(Keywords)
            .Select(term => Spelling(vectors, members, term))
            .ToArray();
    }

    /// <summary>The surface form carrying most of the term's weight among the members; ties → ordinal order.</summary>
    private static string Spelling(ConversationVectors vectors, int[] members, int term)
    {
        var weights = new Dictionary<int, double>();
        foreach (int point in members)
        {
            ReadOnlySpan<int> indices = vectors.Indices(point);
            int entry = indices.BinarySearch(term);
            if (entry >= 0)
            {
                int surface = vectors.Surfaces(point)[entry];
                weights[surface] = weights.GetValueOrDefault(surface) + vectors.Values(point)[entry];
            }
        }

        return weights
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => vectors.SurfaceTexts[pair.Key], StringComparer.Ordinal)
            .Select(pair => vectors.SurfaceTexts[pair.Key])
            .First();
    }
}
