namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Where a score stops being neutral: ±0.05, VADER's own threshold for its compound score. Used for the overall
/// label and for the smoothed series (shift detection adds hysteresis on top, see <see cref="SentimentShiftDetector"/>).
/// </summary>
internal static class SentimentLabels
{
    public const double NeutralBand = 0.05;

    public static SentimentLabel Of(double score) =>
        score >= NeutralBand ? SentimentLabel.Positive
        : score <= -NeutralBand ? SentimentLabel.Negative
        : SentimentLabel.Neutral;
}
