namespace Observatory.Analysis;

/// <summary>
/// The named patterns a result shows (<c>detected_patterns</c>): one flat vocabulary shared by the curated examples'
/// <c>expected_patterns</c>, a batch's <c>common_patterns</c> and the daily insights. Derived from the result as
/// returned, so a family the caller did not ask for contributes nothing.
/// </summary>
public static class PatternKinds
{
    /// <summary>Every kind, in the order results list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "question_answer", "unanswered_question", "challenge", "concession", "synthesis",
        "support", "tutorial", "interview", "debate", "socratic", "casual", "monologue",
        "sentiment_shift", "improving_sentiment", "declining_sentiment", "volatile_sentiment",
        "negative_sentiment", "positive_sentiment",
        "topic_shift", "topic_return",
        "dominant_speaker",
        "loop", "callback", "high_repetition",
        "turning_point", "breakthrough", "conflict", "agreement", "escalation", "resolution",
        "pii", "prompt_injection",
    ];

    /// <summary>A conversation counts as dominated when the turn balance (1 = even) falls below this.</summary>
    public const double DominanceBalance = 0.6;

    /// <summary>Repetition score from which repetition is worth naming.</summary>
    public const double HighRepetition = 0.3;

    public static IReadOnlyList<string> Detect(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var patterns = result.Patterns;

        if (patterns.Dialectic is { } dialectic)
        {
            if (dialectic.Answered > 0) found.Add("question_answer");
            if (dialectic.Unanswered.Count > 0) found.Add("unanswered_question");
            if (dialectic.Moves.Challenge > 0) found.Add("challenge");
            if (dialectic.Moves.Concession > 0) found.Add("concession");
            if (dialectic.Moves.Synthesis > 0) found.Add("synthesis");
            found.Add(dialectic.Structure);
        }

        if (patterns.Sentiment is { } sentiment)
        {
            if (sentiment.Shifts.Count > 0) found.Add("sentiment_shift");
            switch (sentiment.Trend)
            {
                case SentimentTrend.Improving: found.Add("improving_sentiment"); break;
                case SentimentTrend.Declining: found.Add("declining_sentiment"); break;
                case SentimentTrend.Volatile: found.Add("volatile_sentiment"); break;
            }

            if (sentiment.Label == SentimentLabel.Negative) found.Add("negative_sentiment");
            if (sentiment.Label == SentimentLabel.Positive) found.Add("positive_sentiment");
        }

        if (patterns.Topics is { } topics)
        {
            if (topics.Shifts > 0) found.Add("topic_shift");
            if (topics.Segments.Any(segment => segment.ReturnsTo is not null)) found.Add("topic_return");
        }

        if (patterns.Dynamics is { } dynamics && result.Conversation.Participants.Count > 1 && dynamics.Balance < DominanceBalance)
        {
            found.Add("dominant_speaker");
        }

        if (patterns.Recursive is { } recursive)
        {
            if (recursive.Loops.Count > 0) found.Add("loop");
            if (recursive.Callbacks.Count > 0) found.Add("callback");
            if (recursive.RepetitionScore >= HighRepetition) found.Add("high_repetition");
        }

        foreach (var moment in result.KeyMoments)
        {
            string? kind = moment.Kind switch
            {
                KeyMomentKind.TurningPoint => "turning_point",
                KeyMomentKind.Breakthrough => "breakthrough",
                KeyMomentKind.Conflict => "conflict",
                KeyMomentKind.Agreement => "agreement",
                KeyMomentKind.Escalation => "escalation",
                KeyMomentKind.Resolution => "resolution",
                _ => null,
            };
            if (kind is not null) found.Add(kind);
        }

        if (result.Security is { } security)
        {
            if (security.PiiFound > 0 || security.PiiRedacted > 0) found.Add("pii");
            if (security.PromptInjection.Suspected) found.Add("prompt_injection");
        }

        return All.Where(found.Contains).ToArray();
    }
}
