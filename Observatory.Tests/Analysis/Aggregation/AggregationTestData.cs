using Observatory.Analysis;
using Observatory.Analysis.Aggregation;

namespace Observatory.Tests.Analysis.Aggregation;

/// <summary>Short ways to build digests and batch items for the aggregation tests.</summary>
internal static class AggregationTestData
{
    /// <summary>A digest with the given keywords, strongest first (weights 1, 0.9, 0.8, …).</summary>
    public static ConversationDigest Digest(
        string[] keywords,
        string[]? patterns = null,
        double? sentiment = null,
        SentimentLabel? label = null,
        string? excerpt = null) => new()
        {
            Messages = 10,
            Sentiment = sentiment,
            SentimentLabel = label,
            DetectedPatterns = patterns ?? ["question_answer", "support"],
            Keywords = keywords.Select((term, i) => new TopicKeyword { Term = term, Weight = Math.Round(1 - 0.1 * i, 4) }).ToArray(),
            Excerpt = excerpt,
            LlmUsed = false,
            Confidence = 0.8,
        };

    public static BatchItem Completed(string reference, ConversationDigest digest) => new(reference, BatchItem.Completed, digest);

    public static BatchItem Completed(string reference, params string[] keywords) => Completed(reference, Digest(keywords));

    public static BatchItem Failed(string reference) => new(reference, BatchItem.Failed, null);

    public static BatchItem Cancelled(string reference) => new(reference, BatchItem.Cancelled, null);

    public static BatchAggregate Aggregate(IEnumerable<BatchItem> items, BatchAggregateOptions? options = null) =>
        BatchAggregator.Aggregate(items.ToArray(), options ?? new BatchAggregateOptions());

    /// <summary>
    /// Five digests per subject, each with a sliding window of five of the subject's eight words (neighbours share
    /// four, the first and last share two) plus two generic words every conversation has.
    /// </summary>
    public static IReadOnlyList<BatchItem> ThreeSubjects()
    {
        string[] cooking = ["recipe", "oven", "flour", "butter", "dough", "bake", "sugar", "whisk"];
        string[] tax = ["tax", "deduction", "refund", "income", "receipts", "filing", "accountant", "audit"];
        string[] football = ["football", "goal", "striker", "referee", "penalty", "league", "coach", "stadium"];
        var items = new List<BatchItem>();
        foreach ((string name, string[] words) in new[] { ("cooking", cooking), ("tax", tax), ("football", football) })
        {
            for (int i = 0; i < 5; i++)
            {
                string[] keywords = [.. Enumerable.Range(0, 5).Select(j => words[(i + j) % words.Length]), "question", "help"];
                items.Add(Completed($"{name}-{i}", Digest(keywords, excerpt: $"A question about {name} number {i}?")));
            }
        }

        return items;
    }

    public static IEnumerable<BatchItem> Analyzed(string prefix, IEnumerable<Conversation> conversations) =>
        conversations.Select((conversation, i) => Completed($"{prefix}-{i}", ConversationDigest.Of(TestConversation.Analyze(conversation))));
}
