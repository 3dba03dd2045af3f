using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

public class ConversationSummaryTests
{
    [Fact]
    public void Participants_in_order_of_first_appearance_with_words_and_shares()
    {
        var conversation = TestConversation.Of(
            ("Zed", "one two three"),
            ("Customer", "four"),
            ("Zed", "five six"),
            ("assistant", "seven eight nine ten"));

        ConversationSummary summary = TestConversation.Analyze(conversation).Conversation;

        Assert.Equal(4, summary.Messages);
        Assert.Equal(
            [
                new ParticipantSummary { Speaker = "Zed", Role = SpeakerRole.Participant, Messages = 2, Words = 5, Share = 0.5 },
                new ParticipantSummary { Speaker = "Customer", Role = SpeakerRole.Human, Messages = 1, Words = 1, Share = 0.1 },
                new ParticipantSummary { Speaker = "assistant", Role = SpeakerRole.Ai, Messages = 1, Words = 4, Share = 0.4 },
            ],
            summary.Participants);
    }

    [Fact]
    public void Shares_are_rounded_to_four_decimals()
    {
        var summary = TestConversation.Analyze(TestConversation.Of(("A", "x"), ("B", "x"), ("C", "x"))).Conversation;
        Assert.All(summary.Participants, p => Assert.Equal(0.3333, p.Share));
    }

    [Theory]
    [InlineData("Hello world", 2)]
    [InlineData("Hello — world 👍 ... !!", 2)]
    [InlineData("it's GPT-4, e.g. x=1", 4)]
    [InlineData("مرحبا بالعالم", 2)]
    [InlineData("你好世界", 1)]
    [InlineData("a\u00A0b\u3000c\td\ne", 5)]
    [InlineData("٣ 𝔸𝔹 👍🏽", 2)]
    [InlineData("👍", 0)]
    public void Words_are_whitespace_separated_tokens_with_a_letter_or_digit(string content, int words)
    {
        var summary = TestConversation.Analyze(TestConversation.Of(("A", content))).Conversation;
        Assert.Equal(words, summary.Participants[0].Words);
    }

    [Fact]
    public void Without_any_words_every_share_is_zero()
    {
        var summary = TestConversation.Analyze(TestConversation.Of(("A", "👍"), ("B", "!!"))).Conversation;
        Assert.All(summary.Participants, p => Assert.Equal(0, p.Share));
    }

    [Fact]
    public void Time_span_comes_from_the_earliest_and_latest_timestamps()
    {
        var conversation = TestConversation.Timed(("A", 30, "x"), ("B", null, "y"), ("A", 5, "z"), ("B", 95, "w"));
        var summary = TestConversation.Analyze(conversation).Conversation;

        Assert.Equal(TestConversation.Start.AddSeconds(5), summary.StartedAt);
        Assert.Equal(TestConversation.Start.AddSeconds(95), summary.EndedAt);
        Assert.Equal(90, summary.DurationSeconds);
    }

    [Fact]
    public void Without_timestamps_the_time_span_is_null()
    {
        var summary = TestConversation.Analyze(TestConversation.Of(("A", "x"))).Conversation;
        Assert.Null(summary.StartedAt);
        Assert.Null(summary.EndedAt);
        Assert.Null(summary.DurationSeconds);
    }
}
