namespace Observatory.Analysis.Sentiment;

/// <summary>
/// The direction of a conversation's tone, read from its smoothed series (<see cref="SentimentSmoothing"/>).
/// <list type="bullet">
/// <item><b>Slope</b>: least-squares slope of the smoothed score against relative position (0 at the first message,
/// 1 at the last), i.e. the fitted change in score over the whole conversation, whatever its length.</item>
/// <item><b>Volatility</b>: standard deviation of the smoothed series around that line — how far the tone strays
/// from a steady trend. (Not the spread of first differences: those shrink with the smoothing window, and on raw
/// scores they mostly measure speakers taking turns.)</item>
/// <item><b>Swings</b>: legs of a zigzag over the smoothed series, each moving against the previous one by at least
/// <see cref="SwingThreshold"/> <i>and</i> at least the net change |slope|: a dip on the way up that is smaller than
/// the whole climb is part of the climb, not a change of direction.</item>
/// </list>
/// <b>volatile</b> when the tone turns at least twice that way (<see cref="VolatileSwings"/> legs) <i>and</i> the
/// mood crosses from one pole to the other and back: the labels that stick (<see cref="SentimentShiftDetector"/>:
/// hysteresis and dwell) go negative → positive → negative or the reverse, at least <see cref="VolatileCrossings"/>
/// crossings, neutral stretches in between not counting. So a steady slide (positive → neutral → negative), a lull
/// inside one mood (negative → neutral → negative: one speaker's lone positive message against a partner's steady
/// tone, which the smoothing halves but does not erase) and bursts of cheer in a calm chat (neutral ⇄ positive) are
/// not volatile; a mood that keeps flipping is. Otherwise <b>improving</b>/<b>declining</b> when the slope is at
/// least ±<see cref="TrendThreshold"/>, else <b>stable</b>.
/// </summary>
internal static class SentimentTrendClassifier
{
    public const double TrendThreshold = 0.2;
    public const double SwingThreshold = 0.25;
    public const int VolatileSwings = 3;
    public const int VolatileCrossings = 2;

    /// <param name="smoothed">The smoothed series.</param>
    /// <param name="shifts">The label changes <see cref="SentimentShiftDetector"/> confirmed on it, in order.</param>
    public static SentimentTrendReading Classify(double[] smoothed, IReadOnlyList<SentimentShift> shifts)
    {
        int n = smoothed.Length;
        if (n < 2)
        {
            return new SentimentTrendReading(SentimentTrend.Stable, 0, 0, 0);
        }

        double meanX = 0.5;
        double meanY = 0;
        foreach (double y in smoothed)
        {
            meanY += y;
        }

        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = ((double)i / (n - 1)) - meanX;
            sxx += dx * dx;
            sxy += dx * (smoothed[i] - meanY);
        }

        double slope = sxy / sxx;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            double fitted = meanY + (slope * (((double)i / (n - 1)) - meanX));
            squares += (smoothed[i] - fitted) * (smoothed[i] - fitted);
        }

        double volatility = Math.Sqrt(squares / n);
        int swings = Swings(smoothed, Math.Max(SwingThreshold, Math.Abs(slope)));
        SentimentTrend trend =
            swings >= VolatileSwings && PolarCrossings(shifts) >= VolatileCrossings ? SentimentTrend.Volatile
            : slope >= TrendThreshold ? SentimentTrend.Improving
            : slope <= -TrendThreshold ? SentimentTrend.Declining
            : SentimentTrend.Stable;
        return new SentimentTrendReading(trend, slope, volatility, swings);
    }

    /// <summary>
    /// How often the confirmed label goes from one pole to the other (negative ⇄ positive), passing through neutral
    /// or not: the poles visited in order, starting with the label before the first shift, and the changes between them.
    /// </summary>
    internal static int PolarCrossings(IReadOnlyList<SentimentShift> shifts)
    {
        int crossings = 0;
        SentimentLabel pole = shifts.Count > 0 ? shifts[0].From : SentimentLabel.Neutral;
        foreach (SentimentShift shift in shifts)
        {
            if (shift.To == SentimentLabel.Neutral)
            {
                continue;
            }

            crossings += pole != SentimentLabel.Neutral && shift.To != pole ? 1 : 0;
            pole = shift.To;
        }

        return crossings;
    }

    /// <summary>Legs of the zigzag: moves of at least <paramref name="threshold"/>, each against the previous one.</summary>
    internal static int Swings(double[] series, double threshold = SwingThreshold)
    {
        int legs = 0;
        int direction = 0;
        double low = series[0];
        double high = series[0];
        double extreme = series[0];
        foreach (double value in series)
        {
            if (direction == 0)
            {
                low = Math.Min(low, value);
                high = Math.Max(high, value);
                if (value - low >= threshold)
                {
                    (direction, legs, extreme) = (1, 1, value);
                }
                else if (high - value >= threshold)
                {
                    (direction, legs, extreme) = (-1, 1, value);
                }
            }
            else if (direction > 0)
            {
                if (value > extreme)
                {
                    extreme = value;
                }
                else if (extreme - value >= threshold)
                {
                    (direction, extreme) = (-1, value);
                    legs++;
                }
            }
            else if (value < extreme)
            {
                extreme = value;
            }
            else if (value - extreme >= threshold)
            {
                (direction, extreme) = (1, value);
                legs++;
            }
        }

        return legs;
    }
}

/// <summary>Slope, volatility and swings of a smoothed series and the trend they add up to.</summary>
internal readonly record struct SentimentTrendReading(SentimentTrend Trend, double Slope, double Volatility, int Swings);
