using BenchmarkDotNet.Attributes;
using Observatory.Analysis;

namespace Observatory.Benchmarks;

/// <summary>Parsing the plain-text transcript form (CONTRACT §2) of a 10,000-turn conversation.</summary>
[MemoryDiagnoser]
public class TranscriptParserBenchmarks
{
    public const int Turns = 10_000;

    private string _transcript = null!;

    [GlobalSetup]
    public void Setup()
    {
        _transcript = SyntheticConversations.Transcript(Turns, wordsPerMessage: 40);
        int parsed = TranscriptParser.Parse(_transcript).Messages.Count;
        if (parsed != Turns)
        {
            throw new InvalidOperationException($"The synthetic transcript should parse into {Turns} turns, not {parsed}.");
        }
    }

    [Benchmark]
    public Conversation Parse() => TranscriptParser.Parse(_transcript);
}
