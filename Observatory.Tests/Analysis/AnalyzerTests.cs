using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

public class AnalyzerTests
{
    [Fact]
    public void Only_requested_families_are_shown_while_everything_else_is_filled()
    {
        AnalysisResult result = TestConversation.Analyze(TestConversation.Of(("Human", "Hi?"), ("AI", "Hello.")), PatternFamily.Dynamics);

        Assert.NotNull(result.Patterns.Dynamics);
        Assert.Null(result.Patterns.Dialectic);
        Assert.Null(result.Patterns.Sentiment);
        Assert.Null(result.Patterns.Topics);
        Assert.Null(result.Patterns.Recursive);
        Assert.NotEmpty(result.Insights);
        Assert.NotNull(result.Confidence);
        Assert.NotNull(result.Security);
        Assert.Equal(EngineInfo.Version, result.Engine.Version);
        Assert.Equal(new LlmUsage { Used = false, Model = null, Reason = "not configured", InputTokens = 0, OutputTokens = 0, LatencyMs = 0 }, result.Engine.Llm);
        Assert.Equal(new AnalysisTimings { QueueMs = 0, AnalysisMs = 0 }, result.Timings);
    }

    [Fact]
    public void Every_family_is_filled_when_all_are_requested()
    {
        AnalysisResult result = TestConversation.Analyze(TestConversation.Of(("Human", "Why is my refund late?"), ("AI", "Sorry, I issued it now.")));

        Assert.NotNull(result.Patterns.Dialectic);
        Assert.NotNull(result.Patterns.Sentiment);
        Assert.NotNull(result.Patterns.Topics);
        Assert.NotNull(result.Patterns.Dynamics);
        Assert.NotNull(result.Patterns.Recursive);
    }

    [Fact]
    public void An_empty_conversation_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ConversationAnalyzer().Analyze(new Conversation([]), PatternFamilies.All));
    }

    [Fact]
    public void A_cancelled_token_stops_the_analysis()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ConversationAnalyzer().Analyze(TestConversation.Of(("A", "x")), PatternFamilies.All, cancellation.Token));
    }

    [Fact]
    public void Ten_thousand_messages_of_forty_words_are_counted_exactly()
    {
        string sentence = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"));
        var messages = Enumerable.Range(0, 10_000)
            .Select(i => new ConversationMessage(i, $"Speaker {i % 3}", SpeakerRole.Participant, i % 7 == 0 ? sentence + "?" : sentence, TestConversation.Start.AddSeconds(i)))
            .ToList();
        var conversation = new Conversation(messages);
        var analyzer = new ConversationAnalyzer();
        // Speed is measured by Observatory.Benchmarks, not asserted here.
        AnalysisResult result = analyzer.Analyze(conversation, PatternFamilies.All);

        Assert.Equal(400_000, result.Conversation.Participants.Sum(p => p.Words));
        Assert.Equal(10_000, result.Patterns.Dynamics!.Turns);
    }
}
