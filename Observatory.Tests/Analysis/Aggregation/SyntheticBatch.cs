using Observatory.Analysis;
using Observatory.Analysis.Aggregation;

namespace Observatory.Tests.Analysis.Aggregation;

/// <summary>
/// Large batches of made-up digests (seeded, so always the same): each conversation has six keywords from its
/// subject's twelve and four from a pool every subject shares, a few pattern kinds, a sentiment and an excerpt.
/// Refs are "c0042-s3" (conversation 42, subject 3).
/// </summary>
internal static class SyntheticBatch
{
    private static readonly string[][] SubjectWords =
    [
        ["recipe", "oven", "flour", "butter", "dough", "bake", "sourdough", "yeast", "crust", "sugar", "whisk", "loaf"],
        ["tax", "deduction", "refund", "income", "receipts", "filing", "accountant", "audit", "invoice", "pension", "return", "deadline"],
        ["football", "goal", "striker", "referee", "penalty", "league", "midfield", "coach", "stadium", "match", "keeper", "transfer"],
        ["kubernetes", "cluster", "container", "deployment", "pod", "helm", "ingress", "node", "registry", "image", "namespace", "replica"],
        ["garden", "tomatoes", "compost", "seeds", "soil", "watering", "pruning", "roses", "mulch", "greenhouse", "weeds", "bulbs"],
        ["flight", "hotel", "passport", "luggage", "airport", "itinerary", "visa", "booking", "train", "museum", "beach", "tour"],
        ["mortgage", "interest", "lender", "deposit", "loan", "repayment", "valuation", "broker", "equity", "rate", "property", "survey"],
        ["symptoms", "doctor", "prescription", "fever", "allergy", "dosage", "clinic", "headache", "vaccine", "nurse", "cough", "rash"],
    ];

    private static readonly string[] SharedWords =
    [
        "time", "week", "help", "question", "idea", "problem", "plan", "today", "thanks", "people", "thing", "way", "money",
        "work", "home", "start", "change", "list", "option", "advice", "issue", "price", "check", "answer", "place",
        "morning", "family", "friend", "number", "month",
    ];

    private static readonly string[] Patterns =
    [
        "question_answer", "unanswered_question", "challenge", "support", "tutorial", "casual", "sentiment_shift",
        "improving_sentiment", "topic_shift", "turning_point", "agreement", "resolution",
    ];

    public static BatchItem[] Items(int count, int subjects, int seed = 7)
    {
        var random = new Random(seed);
        var items = new BatchItem[count];
        for (int i = 0; i < count; i++)
        {
            int subject = i % subjects;
            string[] words =
            [
                .. SubjectWords[subject].OrderBy(_ => random.Next()).Take(6),
                .. SharedWords.OrderBy(_ => random.Next()).Take(4),
            ];
            words = [.. words.OrderBy(_ => random.Next())];
            double sentiment = Math.Round(random.NextDouble() * 2 - 1, 4);
            var digest = AggregationTestData.Digest(
                words,
                patterns: [.. Patterns.Where(_ => random.Next(3) == 0)],
                sentiment: sentiment,
                label: sentiment < -0.05 ? SentimentLabel.Negative : sentiment > 0.05 ? SentimentLabel.Positive : SentimentLabel.Neutral,
                excerpt: $"What about the {words[0]}?");
            items[i] = AggregationTestData.Completed($"c{i:D4}-s{subject}", digest);
        }

        return items;
    }
}
