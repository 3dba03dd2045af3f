using BenchmarkDotNet.Attributes;
using Observatory.Analysis;
using Observatory.Analysis.Aggregation;

namespace Observatory.Benchmarks;

/// <summary>
/// The aggregate of a full batch: 1,000 digests of ~40-message conversations, produced by the real engine in the
/// set-up. <see cref="Subjects"/> = 1: every conversation from the same synthetic vocabulary (no cluster structure,
/// every k is tried and rejected); 8: each conversation also talks about one of eight subjects.
/// </summary>
[MemoryDiagnoser]
public class BatchAggregatorBenchmarks
{
    private static readonly string[][] SubjectWords =
    [
        ["recipe", "oven", "flour", "butter", "dough", "bake", "sourdough", "yeast", "crust", "sugar"],
        ["tax", "deduction", "refund", "income", "receipts", "filing", "accountant", "audit", "invoice", "pension"],
        ["football", "goal", "striker", "referee", "penalty", "league", "midfield", "coach", "stadium", "match"],
        ["kubernetes", "cluster", "container", "deployment", "pod", "helm", "ingress", "node", "registry", "image"],
        ["garden", "tomatoes", "compost", "seeds", "soil", "watering", "pruning", "roses", "mulch", "greenhouse"],
        ["flight", "hotel", "passport", "luggage", "airport", "itinerary", "visa", "booking", "train", "museum"],
        ["mortgage", "interest", "lender", "deposit", "loan", "repayment", "valuation", "broker", "equity", "rate"],
        ["symptoms", "doctor", "prescription", "fever", "allergy", "dosage", "clinic", "headache", "vaccine", "nurse"],
    ];

    private readonly BatchAggregateOptions _options = new();
    private BatchItem[] _items = [];

    [Params(1, 8)]
    public int Subjects { get; set; }

    [GlobalSetup]
    public void Setup() => _items = Items(1000, messages: 40, Subjects);

    [Benchmark]
    public BatchAggregate Aggregate() => BatchAggregator.Aggregate(_items, _options);

    /// <summary>Completed items whose digests come from analysing deterministic synthetic conversations.</summary>
    public static BatchItem[] Items(int count, int messages, int subjects)
    {
        var analyzer = new ConversationAnalyzer();
        var items = new BatchItem[count];
        for (int i = 0; i < count; i++)
        {
            var raw = SyntheticConversations.Messages(messages, wordsPerMessage: 40, seed: i);
            if (subjects > 1)
            {
                string[] words = SubjectWords[i % Math.Min(subjects, SubjectWords.Length)];
                raw = raw.Select((message, m) => message with
                {
                    Content = $"{message.Content} What about the {words[(i + m) % words.Length]}, the {words[(i + 3 * m + 1) % words.Length]}, the {words[(i + 5 * m + 2) % words.Length]} and the {words[(i + 7 * m + 3) % words.Length]}?",
                }).ToArray();
            }

            AnalysisResult result = analyzer.Analyze(ConversationNormalizer.FromMessages(raw), PatternFamilies.All);
            items[i] = new BatchItem($"c{i:D4}", BatchItem.Completed, ConversationDigest.Of(result));
        }

        return items;
    }
}
