using Observatory.Analysis.Text;
using System.Text.RegularExpressions;

namespace Observatory.Analysis.Synthesis;

/// <summary>
/// Picks the messages a researcher would bookmark, from evidence the families already gathered: where sentiment
/// turned (resolution when it turns positive with a fix or an offer, escalation when it turns or drops sharply
/// negative), where the topic moved, challenges (conflict), concessions (agreement), syntheses (resolution),
/// "that worked" moments (breakthrough) and questions nobody answered. One moment per message, strongest evidence
/// first; at most <see cref="MaxMoments"/>, ordered by index.
/// </summary>
internal static partial class KeyMomentFinder
{
    public const int MaxMoments = 12;

    public static IReadOnlyList<KeyMoment> Find(FamilyReadings r)
    {
        var candidates = new List<(int Index, KeyMomentKind Kind, string Reason, double Strength)>();
        var messages = r.Profile.Messages;
        string Speaker(int i) => messages[i].Speaker;

        foreach (var shift in r.Sentiment.Shifts)
        {
            var i = shift.Index;
            if (shift.To == SentimentLabel.Positive)
            {
                var resolving = NearbyResolution(r, i); // its window ends at message i itself
                candidates.Add((i, resolving ? KeyMomentKind.Resolution : KeyMomentKind.TurningPoint,
                    $"Sentiment turned from {Wire(shift.From)} to positive here{(resolving ? ", as the problem was resolved" : "")}.", 3.0));
            }
            else if (shift.To == SentimentLabel.Negative)
                candidates.Add((i, KeyMomentKind.Escalation, $"Sentiment turned from {Wire(shift.From)} to negative here.", 3.0));
            else
                candidates.Add((i, KeyMomentKind.TurningPoint, $"Sentiment settled from {Wire(shift.From)} to neutral here.", 1.5));
        }

        for (int i = 0; i < r.MessageSentiment.Length; i++)
        {
            if (r.MessageSentiment[i] <= -0.6 && (i == 0 || r.MessageSentiment[i - 1] > -0.3))
                candidates.Add((i, KeyMomentKind.Escalation, $"{Speaker(i)} became sharply negative.", 2.0 - r.MessageSentiment[i]));
            if (BreakthroughMarker().IsMatch(messages[i].Content) && r.MessageSentiment[i] >= 0)
                candidates.Add((i, KeyMomentKind.Breakthrough, $"{Speaker(i)} reports that something finally worked or made sense.", 2.5));
        }

        foreach (var mark in r.Dialectic.ByMessage)
        {
            switch (mark.Move)
            {
                case "challenge":
                    candidates.Add((mark.Index, KeyMomentKind.Conflict, $"{Speaker(mark.Index)} challenged what was said before.", 1.8));
                    break;
                case "concession":
                    candidates.Add((mark.Index, KeyMomentKind.Agreement, $"{Speaker(mark.Index)} conceded a point.", 1.8));
                    break;
                case "synthesis":
                    candidates.Add((mark.Index, KeyMomentKind.Resolution, $"{Speaker(mark.Index)} drew the threads together.", 2.2));
                    break;
            }
        }

        foreach (var i in r.Dialectic.Unanswered)
            candidates.Add((i, KeyMomentKind.Question, $"{Speaker(i)} asked this and it was never answered.", 1.6));

        for (int s = 1; s < r.Topics.Segments.Count; s++)
        {
            var segment = r.Topics.Segments[s];
            var returning = segment.ReturnsTo is { } back ? $", returning to \"{r.Topics.Segments[back].Label}\"" : "";
            candidates.Add((segment.StartIndex, KeyMomentKind.TurningPoint,
                $"The topic moved from \"{r.Topics.Segments[s - 1].Label}\" to \"{segment.Label}\"{returning}.", 1.4));
        }

        // One moment per message (strongest evidence wins), then the strongest overall, shown in conversation order.
        return candidates
            .GroupBy(c => c.Index)
            .Select(g => g.OrderByDescending(c => c.Strength).ThenBy(c => c.Kind).First())
            .OrderByDescending(c => c.Strength).ThenBy(c => c.Index)
            .Take(MaxMoments)
            .OrderBy(c => c.Index)
            .Select(c => new KeyMoment { Index = c.Index, Kind = c.Kind, Excerpt = Excerpts.Of(messages[c.Index].Content), Reason = c.Reason })
            .ToArray();
    }

    private static bool NearbyResolution(FamilyReadings r, int index)
    {
        for (int i = Math.Max(0, index - 2); i <= index && i < r.Profile.MessageCount; i++)
            if (ResolutionMarker().IsMatch(r.Profile.Messages[i].Content)) return true;
        return false;
    }

    private static string Wire(SentimentLabel label) => label.ToString().ToLowerInvariant();

    [GeneratedRegex(@"\b(refund(ed)?|replacement|resolved|fixed|sorted( out)?|solved|works now|working now|issued|credited|reimburs\w*|compensat\w*|we('ll| will) (send|cover|replace)|deal|agreed)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResolutionMarker();

    [GeneratedRegex(@"\b(that (worked|did it|fixed it)|it works|works now|got it( now)?|i get it( now)?|now i (get|understand|see)|makes sense now|that makes sense|(oh|ah),? i see|aha|eureka|finally( it)? work\w*|i see now|(that's|thats|it's) actually (easy|simple)|(oh|ah),? (so|that's)\b|clicked)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BreakthroughMarker();
}
