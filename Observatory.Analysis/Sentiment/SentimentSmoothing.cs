namespace Observatory.Analysis.Sentiment;

/// <summary>
/// The smoothed series behind the trajectory, trend and shifts: a centred moving average over 2h+1 messages whose
/// two end taps weigh ½ (a trapezoid). The half weights make any strict A/B/A/B alternation cancel exactly, so a
/// customer who stays negative while an agent stays polite reads as one steady tone rather than a zigzag, which a
/// plain odd-length window would leave behind at 1/(2h+1) of its size. h = max(1, n/20) — the window spans about a
/// tenth of the conversation, so short chats stay responsive and long ones show their arc rather than message noise
/// — and 0 (no smoothing) below three messages. Near the ends the window is cut off; a cut window with an even
/// number of messages is a plain mean (which cancels alternation just as well), an odd one keeps the half-weight
/// ends. O(n) with prefix sums.
/// </summary>
internal static class SentimentSmoothing
{
    public static int HalfWindow(int messageCount) => messageCount < 3 ? 0 : Math.Max(1, messageCount / 20);

    public static double[] Smooth(double[] scores, int halfWindow)
    {
        int n = scores.Length;
        var smoothed = new double[n];
        if (halfWindow == 0)
        {
            Array.Copy(scores, smoothed, n);
            return smoothed;
        }

        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + scores[i];
        }

        for (int i = 0; i < n; i++)
        {
            int first = Math.Max(0, i - halfWindow);
            int last = Math.Min(n - 1, i + halfWindow);
            int count = last - first + 1;
            double sum = prefix[last + 1] - prefix[first];
            double weight = count;
            if (count >= 3 && count % 2 == 1)
            {
                sum -= (scores[first] + scores[last]) / 2;
                weight -= 1;
            }

            smoothed[i] = sum / weight;
        }

        return smoothed;
    }
}
