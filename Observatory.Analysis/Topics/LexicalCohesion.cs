using Observatory.Analysis.Core;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Topics;

/// <summary>
/// TextTiling's block comparison (Hearst 1997) over chat messages: at every gap between two messages, the cosine
/// similarity of the TF-IDF term vectors of the w messages before and the w messages after. High = the talk continues
/// on the same words; a valley = the vocabulary changes.
/// </summary>
/// <remarks>
/// The two blocks slide one message per gap, so the dot product and norms are updated incrementally (each message
/// enters the right block, crosses to the left block and leaves it once): linear in the number of tokens, whatever w
/// is. Weights are idf² quantized to integers so the running sums are exact — no floating-point drift over 10,000
/// gaps, and the same input always gives the same curve.
/// </remarks>
internal static class LexicalCohesion
{
    private const double WeightScale = 1024;

    /// <summary>
    /// Smoothing pays off on long, noisy curves; in a short conversation it smears a clean valley onto the gap next to
    /// it, so only curves of windows this wide (conversations over 64 messages) are smoothed.
    /// </summary>
    public const int MinWindowForSmoothing = 5;

    /// <summary>Similarity at each gap g = 1..n−1 (between messages g−1 and g); index 0 is unused.</summary>
    public static double[] Curve(MessageTerms terms, double[] idf, int window, CancellationToken cancellationToken)
    {
        TermDocument[] documents = terms.Documents;
        int n = documents.Length;
        var curve = new double[n];
        if (n < 2)
        {
            return curve;
        }

        var weights = new long[idf.Length];
        for (int stem = 0; stem < idf.Length; stem++)
        {
            weights[stem] = Math.Max(1, (long)Math.Round(idf[stem] * idf[stem] * WeightScale, MidpointRounding.AwayFromZero));
        }

        var blocks = new SlidingBlocks(idf.Length, weights);
        blocks.Add(documents[0], toLeft: true, sign: 1);
        for (int i = 1; i <= Math.Min(n - 1, window); i++)
        {
            blocks.Add(documents[i], toLeft: false, sign: 1);
        }

        for (int gap = 1; gap < n; gap++)
        {
            CancellationCadence.ThrowIfDue(gap, cancellationToken);
            curve[gap] = blocks.Cosine();
            if (gap == n - 1)
            {
                break;
            }

            // Move to gap + 1: message `gap` crosses from right to left; the left block drops its oldest message and
            // the right block takes in the next one.
            blocks.Add(documents[gap], toLeft: false, sign: -1);
            blocks.Add(documents[gap], toLeft: true, sign: 1);
            if (gap - window >= 0)
            {
                blocks.Add(documents[gap - window], toLeft: true, sign: -1);
            }

            if (gap + window < n)
            {
                blocks.Add(documents[gap + window], toLeft: false, sign: 1);
            }
        }

        return window >= MinWindowForSmoothing ? Smooth(curve) : curve;
    }

    /// <summary>A [1 2 1] moving average (TextTiling smooths its curve too); the ends average what they have.</summary>
    private static double[] Smooth(double[] curve)
    {
        int n = curve.Length;
        var smoothed = new double[n];
        for (int gap = 1; gap < n; gap++)
        {
            double sum = 2 * curve[gap];
            double weight = 2;
            if (gap > 1)
            {
                sum += curve[gap - 1];
                weight++;
            }

            if (gap < n - 1)
            {
                sum += curve[gap + 1];
                weight++;
            }

            smoothed[gap] = sum / weight;
        }

        return smoothed;
    }

    /// <summary>The two term-count vectors either side of a gap, with their dot product and squared norms.</summary>
    private sealed class SlidingBlocks(int stemCount, long[] weights)
    {
        private readonly int[] _left = new int[stemCount];
        private readonly int[] _right = new int[stemCount];
        private long _dot;
        private long _leftNorm;
        private long _rightNorm;

        public void Add(TermDocument document, bool toLeft, int sign)
        {
            int[] terms = document.Terms;
            int[] counts = document.Counts;
            int[] target = toLeft ? _left : _right;
            int[] other = toLeft ? _right : _left;
            ref long norm = ref toLeft ? ref _leftNorm : ref _rightNorm;
            for (int t = 0; t < terms.Length; t++)
            {
                int stem = terms[t];
                long delta = sign * counts[t];
                long before = target[stem];
                long weight = weights[stem];
                _dot += delta * other[stem] * weight;
                norm += ((2 * before * delta) + (delta * delta)) * weight;
                target[stem] = (int)(before + delta);
            }
        }

        public double Cosine() =>
            _leftNorm == 0 || _rightNorm == 0 ? 0 : _dot / Math.Sqrt((double)_leftNorm * _rightNorm);
    }
}
