using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

public class DeterminismTests
{
    private const string Transcript = """
        [2025-05-01 09:00] Zed: Why is the build red again?
        [09:01] Assistant: A test timed out. 🤖
        Details follow:
        ```
        SELECT 1;
        ```
        [09:03] Amy: Which test?
        [09:03:30] Zed: The slow one?
        [09:04] Assistant: Yes — the slow one.
        """;

    [Fact]
    public void The_same_input_gives_byte_identical_json()
    {
        string first = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(TranscriptParser.Parse(Transcript), PatternFamilies.All));
        string second = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(TranscriptParser.Parse(Transcript), PatternFamilies.All));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Speaker_maps_follow_first_appearance_not_alphabetical_or_hash_order()
    {
        AnalysisResult result = new ConversationAnalyzer().Analyze(TranscriptParser.Parse(Transcript), PatternFamilies.All);

        Assert.Equal(["Zed", "Assistant", "Amy"], result.Conversation.Participants.Select(p => p.Speaker));
        Assert.Equal(["Zed", "Assistant", "Amy"], result.Patterns.Dynamics!.WordsPerTurn.Keys);
        Assert.Equal(["Zed", "Assistant", "Amy"], result.Patterns.Dynamics.ResponseSeconds!.Keys);

        string json = AnalysisResultJson.Serialize(result);
        Assert.Contains("\"words_per_turn\":{\"Zed\":", json);
    }

    [Fact]
    public void Requested_families_do_not_change_the_rest_of_the_result()
    {
        var conversation = TranscriptParser.Parse(Transcript);
        var all = new ConversationAnalyzer().Analyze(conversation, PatternFamilies.All);
        var none = new ConversationAnalyzer().Analyze(conversation, PatternFamilies.None);

        // detected_patterns and the per-message rows follow what is shown, as the families themselves do.
        Assert.Equal(
            AnalysisResultJson.Serialize(all with { Patterns = none.Patterns, DetectedPatterns = none.DetectedPatterns, Messages = none.Messages }),
            AnalysisResultJson.Serialize(none));
        Assert.All(none.Messages, row => Assert.True(row.Sentiment is null && row.IsQuestion is null));
        Assert.All(all.Messages, row => Assert.True(row.Sentiment is not null && row.IsQuestion is not null));
    }
}
