using BenchmarkDotNet.Attributes;
using Observatory.Analysis;

namespace Observatory.Benchmarks;

/// <summary>Writing the result of a 10,000-message analysis as the contract's JSON.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private AnalysisResult _result = null!;

    [GlobalSetup]
    public void Setup() =>
        _result = new ConversationAnalyzer().Analyze(SyntheticConversations.Conversation(10_000, wordsPerMessage: 40), PatternFamilies.All);

    [Benchmark]
    public string Serialize() => AnalysisResultJson.Serialize(_result);
}
