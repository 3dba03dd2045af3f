namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Pairwise cosine similarities of the points the silhouette is computed on: every distinct point up to
/// <see cref="Limit"/> (a whole batch, which holds at most 1,000 conversations), beyond that an evenly spaced sample in
/// ref order — the same for the same set of points — so memory and time stay bounded (1,000² doubles = 8 MB).
/// </summary>
/// <remarks>
/// Identical conversations (the same vector) count once. Otherwise every pair of duplicates would be a "perfect"
/// cluster of its own (distance 0 inside, so silhouette 1), and a batch where each conversation appears twice would be
/// split into as many clusters as the limit allows instead of by subject.
/// </remarks>
internal sealed class SimilaritySample
{
    public const int Limit = 1000;

    private readonly double[] _matrix;

    private SimilaritySample(int[] points, double[] matrix)
    {
        Points = points;
        _matrix = matrix;
    }

    /// <summary>Indices (into the vectors) of the sampled points, ascending.</summary>
    public int[] Points { get; }

    public int Count => Points.Length;

    /// <summary>Similarity of sampled points <paramref name="a"/> and <paramref name="b"/> (positions in <see cref="Points"/>).</summary>
    public double this[int a, int b] => _matrix[a * Points.Length + b];

    public ReadOnlySpan<double> Row(int a) => _matrix.AsSpan(a * Points.Length, Points.Length);

    public static SimilaritySample Of(ConversationVectors vectors, CancellationToken cancellationToken)
    {
        int[] distinct = DistinctPoints(vectors);
        int n = distinct.Length;
        int m = Math.Min(n, Limit);
        var points = new int[m];
        for (int i = 0; i < m; i++)
        {
            points[i] = distinct[(int)((long)i * n / m)];
        }

        // Row by row against a dense copy of the row's vector: a sparse–dense dot has no branches to mispredict,
        // unlike merging two sparse index lists, which made this step several times slower.
        var matrix = new double[m * m];
        var dense = new double[vectors.Dimensions];
        for (int a = 0; a < m; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors.AddTo(points[a], dense);
            matrix[a * m + a] = vectors.Dot(points[a], dense);
            for (int b = a + 1; b < m; b++)
            {
                double similarity = vectors.Dot(points[b], dense);
                matrix[a * m + b] = similarity;
                matrix[b * m + a] = similarity;
            }

            foreach (int index in vectors.Indices(points[a]))
            {
                dense[index] = 0;
            }
        }

        return new SimilaritySample(points, matrix);
    }

    /// <summary>The first point of every group of identical vectors, ascending.</summary>
    private static int[] DistinctPoints(ConversationVectors vectors)
    {
        var seen = new Dictionary<int, List<int>>();
        var distinct = new List<int>(vectors.Count);
        for (int point = 0; point < vectors.Count; point++)
        {
            var hash = new HashCode();
            foreach (int index in vectors.Indices(point)) hash.Add(index);
            foreach (double value in vectors.Values(point)) hash.Add(value);
            int key = hash.ToHashCode();
            if (!seen.TryGetValue(key, out var candidates)) seen[key] = candidates = [];
            if (candidates.Exists(other => SameVector(vectors, point, other))) continue;
            candidates.Add(point);
            distinct.Add(point);
        }

        return distinct.ToArray();
    }

    private static bool SameVector(ConversationVectors vectors, int a, int b) =>
        vectors.Indices(a).SequenceEqual(vectors.Indices(b)) && vectors.Values(a).SequenceEqual(vectors.Values(b));
}
