using BenchmarkDotNet.Attributes;
using Observatory.Analysis;

namespace Observatory.Benchmarks;

/// <summary>The whole engine on one conversation, every pattern family requested.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private readonly ConversationAnalyzer _analyzer = new();
    private Conversation _conversation = null!;

    [Params(100, 10_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup() => _conversation = SyntheticConversations.Conversation(Messages, wordsPerMessage: 40);

    [Benchmark]
    public AnalysisResult Analyze() => _analyzer.Analyze(_conversation, PatternFamilies.All);
}
