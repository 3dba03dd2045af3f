using Observatory.Analysis.Text;
using System.Globalization;

namespace Observatory.Analysis.Synthesis;

/// <summary>Plain sentences a researcher would write down after reading the conversation, built only from what
/// the families measured (never from guesses), most telling first, at most <see cref="MaxInsights"/>.</summary>
internal static class InsightWriter
{
    public const int MaxInsights = 8;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Write(FamilyReadings r, IReadOnlyList<KeyMoment> moments)
    {
        var insights = new List<string>();
        var participants = r.Summary.Participants;

        // Who asked, and what went unanswered.
        if (r.Dialectic.Questions > 0)
        {
            var asker = r.Dialectic.Unanswered.Count > 0
                ? r.Dialectic.Unanswered.GroupBy(i => r.Profile.Messages[i].Speaker).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
                : null;
            if (asker is not null)
            {
                var asked = r.Dialectic.Exchanges.Count(e => r.Profile.Messages[e.QuestionIndex].Speaker == asker)
                    + r.Dialectic.Unanswered.Count(i => r.Profile.Messages[i].Speaker == asker);
                var open = r.Dialectic.Unanswered.Count(i => r.Profile.Messages[i].Speaker == asker);
                insights.Add($"{asker} asked {Plural(asked, "question")}; {open} {(open == 1 ? "was" : "were")} never answered.");
            }
            else
                insights.Add(r.Dialectic.Questions == 1 ? "The one question asked was answered." : $"All {r.Dialectic.Questions.ToString(Invariant)} questions were answered.");
        }

        // Where the mood turned.
        var turn = r.Sentiment.Shifts.OrderByDescending(s => s.Magnitude).ThenBy(s => s.Index).FirstOrDefault();
        if (turn is not null && r.Sentiment.Coverage > 0)
        {
            var moment = moments.FirstOrDefault(m => m.Index == turn.Index && m.Kind == KeyMomentKind.Resolution);
            var when = moment is not null ? ", when the problem was resolved" : "";
            insights.Add($"Sentiment turned {Wire(turn.To)} at message {turn.Index.ToString(Invariant)}{when}.");
        }
        if (r.Sentiment.Coverage > 0 && r.Profile.MessageCount >= 4)
            insights.Add($"Overall tone was {Wire(r.Sentiment.Label)} and {Trend(r.Sentiment.Trend)}.");
        else if (!r.Terms.LooksEnglish)
            insights.Add("The text does not look like English, so tone and topics could not be read reliably.");
        else if (r.Sentiment.Coverage == 0)
            insights.Add("The words used carry no clear emotional tone.");

        // An average of two opposite tones reads as neutral; say when the speakers felt differently.
        if (r.Sentiment.BySpeaker.Count >= 2 && r.Sentiment.Coverage > 0)
        {
            var ordered = r.Sentiment.BySpeaker.OrderBy(p => p.Value).ToList();
            var (low, high) = (ordered[0], ordered[^1]);
            if (low.Value <= -SpeakerGap && high.Value >= SpeakerGap)
                insights.Add($"{low.Key}'s tone was negative ({Signed(low.Value)}) while {high.Key}'s was positive ({Signed(high.Value)}).");
        }

        // Who dominated.
        if (participants.Count >= 2)
        {
            var top = participants.OrderByDescending(p => p.Share).ThenBy(p => p.Speaker, StringComparer.Ordinal).First();
            if (top.Share >= 0.6)
                insights.Add($"{top.Speaker} dominated, with {Percent(top.Share)} of the words.");
            else if (r.Dynamics.Balance >= 0.9)
                insights.Add("Participation was balanced between the speakers.");
        }

        // Topics.
        if (r.Topics.Supported && r.Topics.Segments.Count > 1)
        {
            var labels = r.Topics.Segments.Select(s => s.Label).Distinct(StringComparer.Ordinal).Take(4);
            insights.Add($"The conversation moved through {Plural(r.Topics.Segments.Count, "topic segment")}: {string.Join("; ", labels)}.");
            var back = r.Topics.Segments.FirstOrDefault(s => s.ReturnsTo is not null);
            if (back is not null)
                insights.Add($"It came back to \"{r.Topics.Segments[back.ReturnsTo!.Value].Label}\" at message {back.StartIndex.ToString(Invariant)}.");
        }

        // Loops.
        var loop = r.Recursive.Loops.OrderByDescending(l => l.Occurrences).ThenBy(l => l.StartIndex).FirstOrDefault();
        if (loop is not null)
            insights.Add($"The conversation looped: \"{Excerpts.Of(loop.Phrase, 80)}\" came up {loop.Occurrences.ToString(Invariant)} times between messages {loop.StartIndex.ToString(Invariant)} and {loop.EndIndex.ToString(Invariant)}.");

        // Response times.
        if (r.Dynamics.ResponseSeconds is { Count: > 0 } responses)
        {
            var slowest = responses.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
            insights.Add($"{slowest.Key} took a median of {Seconds(slowest.Value)} to respond.");
        }

        // Security.
        if (r.Security.PromptInjection.Suspected)
        {
            var indices = r.Security.PromptInjection.Indices;
            insights.Add($"{(indices.Count == 1 ? "Message" : "Messages")} {string.Join(", ", indices.Take(5).Select(i => i.ToString(Invariant)))} look like prompt-injection attempts (flagged, not rejected).");
        }

        return insights.Take(MaxInsights).ToArray();
    }

    /// <summary>How far from neutral two speakers must each be, on opposite sides, to be called apart.</summary>
    private const double SpeakerGap = 0.15;

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", Invariant);

    private static string Plural(int count, string noun) => $"{count.ToString(Invariant)} {noun}{(count == 1 ? "" : "s")}";

    private static string Percent(double share) => $"{Math.Round(share * 100).ToString(Invariant)}%";

    private static string Seconds(double seconds) =>
        seconds >= 120 ? $"{Math.Round(seconds / 60, 1).ToString(Invariant)} minutes" : $"{Math.Round(seconds).ToString(Invariant)} s";

    private static string Wire(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static string Trend(SentimentTrend trend) => trend switch
    {
        SentimentTrend.Improving => "improving",
        SentimentTrend.Declining => "declining",
        SentimentTrend.Volatile => "volatile",
        _ => "stable",
    };
}
