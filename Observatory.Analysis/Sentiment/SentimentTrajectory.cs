namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Which messages the trajectory shows: every message up to <see cref="MaxPoints"/>; beyond that, exactly
/// <see cref="MaxPoints"/> evenly spaced messages, always including the first and the last (index
/// round(k·(n−1)/(MaxPoints−1))). Picking points of the smoothed series loses nothing visible because its window
/// (about n/10 messages) is far wider than the spacing (about n/500).
/// </summary>
internal static class SentimentTrajectory
{
    public const int MaxPoints = 500;

    public static int[] Indices(int messageCount)
    {
        if (messageCount <= MaxPoints)
        {
            return Enumerable.Range(0, messageCount).ToArray();
        }

        var indices = new int[MaxPoints];
        long span = messageCount - 1;
        for (int k = 0; k < MaxPoints; k++)
        {
            // Integer rounding, half up: the same indices on every machine.
            indices[k] = (int)(((k * span * 2) + (MaxPoints - 1)) / (2L * (MaxPoints - 1)));
        }

        return indices;
    }
}
