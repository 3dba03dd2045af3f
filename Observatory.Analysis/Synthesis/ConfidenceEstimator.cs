using Observatory.Analysis.Text;

namespace Observatory.Analysis.Synthesis;

/// <summary>
/// How far to trust the result, from three components (each 0..1):
/// <list type="bullet">
/// <item><b>length</b> saturates with size: a handful of short messages says little; a few hundred words and a
/// dozen turns say most of what the engine can.</item>
/// <item><b>clarity</b> is how much the text gave the families to work with compared with what random or foreign
/// text would give: lexicon coverage for sentiment, content terms for topics and themes, English-looking text, and a
/// recognisable structure rather than "casual".</item>
/// <item><b>model_certainty</b>, without a language model, is the agreement between independent signals that should
/// tell the same story (sentiment trend vs. where the tone ends up, key moments vs. shifts, questions vs. answers).
/// A model, when used, replaces it with its own certainty.</item>
/// </list>
/// </summary>
internal static class ConfidenceEstimator
{
    public static ConfidenceAssessment Estimate(FamilyReadings r, IReadOnlyList<KeyMoment> moments)
    {
        int words = r.Summary.Participants.Sum(p => p.Words);
        int messages = r.Profile.MessageCount;
        double length = 0.5 * (1 - Math.Exp(-words / 300.0)) + 0.5 * Math.Min(1, Math.Log(1 + messages) / Math.Log(1 + 16));

        var clarityParts = new List<double>
        {
            Math.Min(1, r.Sentiment.Coverage / 0.5),
            messages == 0 ? 0 : Math.Min(1, r.Terms.MessagesWithTerms / (double)messages / 0.6),
            r.Terms.LooksEnglish ? 1 : 0.2,
            r.Dialectic.Structure is "casual" or "monologue" ? 0.5 : 1,
        };
        double clarity = clarityParts.Average();

        double certainty = Agreement(r, moments);
        // Length gates the rest: clear, consistent signals in two short messages still make a thin basis.
        double score = length * (0.4 + 0.6 * (0.6 * clarity + 0.4 * certainty));
        return new ConfidenceAssessment
        {
            Score = Precision.Round(score),
            Level = score < 0.4 ? ConfidenceLevel.Low : score < 0.7 ? ConfidenceLevel.Medium : ConfidenceLevel.High,
            Components = new ConfidenceComponents
            {
                Length = Precision.Round(length),
                Clarity = Precision.Round(clarity),
                ModelCertainty = Precision.Round(certainty),
            },
        };
    }

    private static double Agreement(FamilyReadings r, IReadOnlyList<KeyMoment> moments)
    {
        var checks = new List<bool>();
        var scores = r.MessageSentiment;
        if (scores.Length >= 6 && r.Sentiment.Coverage > 0)
        {
            int third = scores.Length / 3;
            double start = scores.Take(third).Average(), end = scores.Skip(scores.Length - third).Average();
            switch (r.Sentiment.Trend)
            {
                case SentimentTrend.Improving: checks.Add(end > start); break;
                case SentimentTrend.Declining: checks.Add(end < start); break;
                case SentimentTrend.Stable: checks.Add(Math.Abs(end - start) < 0.4); break;
            }
        }
        if (r.Sentiment.Shifts.Count > 0)
            checks.Add(r.Sentiment.Shifts.All(s => moments.Any(m => Math.Abs(m.Index - s.Index) <= 2)));
        if (r.Dialectic.Structure == "support" && r.Sentiment.Coverage > 0)
            checks.Add(moments.Any(m => m.Kind is KeyMomentKind.Resolution or KeyMomentKind.Escalation or KeyMomentKind.Question) || r.Sentiment.Shifts.Count == 0);
        if (r.Topics.Segments.Count > 1)
            checks.Add(r.Topics.Keywords.Count > 0);
        return checks.Count == 0 ? 0.5 : checks.Count(c => c) / (double)checks.Count;
    }
}
