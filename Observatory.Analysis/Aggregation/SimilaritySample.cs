namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Pairwise cosine similarities of the points the silhouette is computed on: every point up to
/// <see cref="Limit"/> (a whole batch, which holds at most 1,000 conversations), beyond that an evenly spaced sample in
/// ref order — the same for the same set of points — so memory and time stay bounded (1,000² doubles = 8 MB).
/// </summary>
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
        int n = vectors.Count;
        int m = Math.Min(n, Limit);
        var points = new int[m];
        for (int i = 0; i < m; i++)
        {
            points[i] = (int)((long)i * n / m);
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
}
