using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Observatory.Analysis.Aggregation;

/// <summary>
/// What cross-conversation views need from one finished analysis — a batch's aggregate and clusters, the daily
/// insights — in a few hundred bytes, so they never re-read full results (which retention may already have removed).
/// Built from the result as returned; its text (the excerpt) has already been through redaction.
/// </summary>
public sealed record ConversationDigest
{
    /// <summary>How many keywords a digest keeps: enough to separate subjects, small enough to stay compact.</summary>
    public const int KeywordLimit = 12;

    public required int Messages { get; init; }

    /// <summary>Overall sentiment (-1..1) and its label; null when sentiment was not requested.</summary>
    public required double? Sentiment { get; init; }
    public required SentimentLabel? SentimentLabel { get; init; }

    public required IReadOnlyList<string> DetectedPatterns { get; init; }

    /// <summary>Topic keywords (or, without the topics family, theme labels) with their weights, strongest first.</summary>
    public required IReadOnlyList<TopicKeyword> Keywords { get; init; }

    /// <summary>A short, redacted line that shows what the conversation was about; null when nothing fits.</summary>
    public required string? Excerpt { get; init; }

    public required bool LlmUsed { get; init; }

    public required double? Confidence { get; init; }

    private static readonly JsonTypeInfo<ConversationDigest> TypeInfo =
        (JsonTypeInfo<ConversationDigest>)AnalysisResultJson.Options.GetTypeInfo(typeof(ConversationDigest));

    public static ConversationDigest Of(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<TopicKeyword> keywords = result.Patterns.Topics is { Keywords.Count: > 0 } topics
            ? topics.Keywords.Take(KeywordLimit).ToArray()
            : result.Themes.Take(KeywordLimit).Select(theme => new TopicKeyword { Term = theme.Label, Weight = theme.Weight }).ToArray();
        return new ConversationDigest
        {
            Messages = result.Conversation.Messages,
            Sentiment = result.Patterns.Sentiment?.Overall,
            SentimentLabel = result.Patterns.Sentiment?.Label,
            DetectedPatterns = result.DetectedPatterns.Count > 0 ? result.DetectedPatterns : PatternKinds.Detect(result),
            Keywords = keywords,
            Excerpt = ExcerptOf(result),
            LlmUsed = result.Engine.Llm.Used,
            Confidence = result.Confidence?.Score,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, TypeInfo);

    /// <exception cref="JsonException">The text is not a digest.</exception>
    public static ConversationDigest FromJson(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("A digest cannot be null.");

    // The first question is usually the clearest statement of what a conversation is about; key moments come next.
    private static string? ExcerptOf(AnalysisResult result) =>
        result.Patterns.Dialectic?.Exchanges.FirstOrDefault()?.Question
        ?? result.KeyMoments.FirstOrDefault()?.Excerpt;
}
