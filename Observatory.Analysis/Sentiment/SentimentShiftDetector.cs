using Observatory.Analysis.Core;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Finds where the smoothed tone changes label and stays changed. The starting label is the first clear one (see
/// below). Hysteresis keeps noise near a threshold from producing dozens of shifts: the series must go clearly into
/// a new label — ≥ +0.15 for positive, ≤ −0.15 for
/// negative, inside ±0.05 for neutral — and then not fall back into the old label (by the plain ±0.05 bands) for
/// <c>dwell</c> = max(h, 2) points (h = the smoothing half-window, so the dwell scales with how fast the smoothed
/// series can move at all); a change still running at the end of the conversation counts once it has lasted half
/// that. The shift is reported at the first message of the new
/// label; its magnitude is how far the smoothed score moved from the message before it to the point of
/// confirmation.
/// </summary>
internal static class SentimentShiftDetector
{
    public const double EnterPolar = 0.15;

    public static List<SentimentShift> Detect(double[] smoothed, int halfWindow, ConversationProfile profile)
    {
        var shifts = new List<SentimentShift>();
        int n = smoothed.Length;
        if (n < 2)
        {
            return shifts;
        }

        int dwell = Math.Max(halfWindow, 2);

        // The starting tone is the first clear one; points in the margins before it set nothing.
        int i = 0;
        while (i < n && Clear(smoothed[i]) is null)
        {
            i++;
        }

        if (i >= n)
        {
            return shifts;
        }

        SentimentLabel current = Clear(smoothed[i])!.Value;
        int candidate = -1;
        SentimentLabel candidateLabel = current;
        for (i++; i < n; i++)
        {
            if (candidate >= 0)
            {
                if (SentimentLabels.Of(smoothed[i]) == current)
                {
                    candidate = -1;
                }
                else if (i - candidate + 1 >= dwell)
                {
                    current = Confirm(shifts, smoothed, profile, candidate, i, current, Clear(smoothed[i]) ?? candidateLabel);
                    candidate = -1;
                }
            }

            if (candidate < 0 && Clear(smoothed[i]) is { } clear && clear != current)
            {
                candidate = i;
                candidateLabel = clear;
            }
        }

        if (candidate >= 0 && n - candidate >= Math.Max(1, dwell / 2))
        {
            Confirm(shifts, smoothed, profile, candidate, n - 1, current, Clear(smoothed[n - 1]) ?? candidateLabel);
        }

        return shifts;
    }

    private static SentimentLabel Confirm(
        List<SentimentShift> shifts, double[] smoothed, ConversationProfile profile, int start, int confirmedAt, SentimentLabel from, SentimentLabel to)
    {
        if (to == from)
        {
            return from;
        }

        shifts.Add(new SentimentShift
        {
            Index = start,
            From = from,
            To = to,
            Magnitude = Precision.Round(Math.Abs(smoothed[confirmedAt] - smoothed[start - 1])),
            Speaker = profile.Speakers[profile.SpeakerIds[start]],
        });
        return to;
    }

    /// <summary>The label a point is clearly in, or null in the margins between.</summary>
    private static SentimentLabel? Clear(double score) =>
        score >= EnterPolar ? SentimentLabel.Positive
        : score <= -EnterPolar ? SentimentLabel.Negative
        : Math.Abs(score) < SentimentLabels.NeutralBand ? SentimentLabel.Neutral
        : null;
}
