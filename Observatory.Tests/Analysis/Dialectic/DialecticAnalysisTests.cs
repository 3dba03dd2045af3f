using Observatory.Analysis;
using Observatory.Analysis.Core;
using Observatory.Analysis.Dialectic;
using Observatory.Analysis.Json;

namespace Observatory.Tests.Analysis.Dialectic;

public class DialecticAnalysisTests
{
    internal static DialecticPattern Analyze(Conversation conversation) =>
        DialecticAnalysis.Analyze(ConversationProfile.Build(conversation, CancellationToken.None), CancellationToken.None);

    // Questions: 0 (marked), 3 (marked), 4 (counter-question), 7 (inversion, no "?"), 8, 9.
    // 0 → 2 (Ada's own follow-up 1 is skipped); 3 → 6 (4 is a pure counter-question, 5 is the asker's own reply);
    // 4 → 5; 7, 8, 9 get only Ada's messages and an emoji without words → unanswered.
    private static readonly Conversation Support = TestConversation.Of(
        ("Ada", "Hi! How do I export my data?"),
        ("Ada", "I looked in settings already."),
        ("Bot", "Go to Account, then Export, and pick CSV."),
        ("Ada", "Which format keeps the timestamps?"),
        ("Bot", "Do you mean local or UTC times?"),
        ("Ada", "UTC."),
        ("Bot", "Then CSV keeps them, in ISO 8601."),
        ("Ada", "Great. Could you also send me the invoice"),
        ("Ada", "And why was I charged twice?"),
        ("Ada", "Hello?"),
        ("Bot", "👍"),
        ("Ada", "Thanks anyway."));

    [Fact]
    public void Questions_are_linked_to_the_next_answer_by_someone_else()
    {
        DialecticPattern dialectic = Analyze(Support);

        Assert.Equal(6, dialectic.Questions);
        Assert.Equal(3, dialectic.Answered);
        Assert.Equal(0.5, dialectic.AnsweredRatio);
        Assert.Equal([7, 8, 9], dialectic.Unanswered);
        Assert.Equal(
            [(0, 2), (3, 6), (4, 5)],
            dialectic.Exchanges.Select(e => (e.QuestionIndex, e.AnswerIndex)));
        Assert.Equal("How do I export my data?", dialectic.Exchanges[0].Question);
        Assert.Equal("Go to Account, then Export, and pick CSV.", dialectic.Exchanges[0].Answer);
        Assert.Equal("UTC.", dialectic.Exchanges[2].Answer);
        Assert.Equal(6, dialectic.QuestionSentences);
    }

    [Fact]
    public void Answers_further_than_the_window_do_not_count()
    {
        DialecticPattern dialectic = Analyze(TestConversation.Of(
            ("A", "Does anyone have the key?"),
            ("A", "one"),
            ("A", "two"),
            ("A", "three"),
            ("A", "four"),
            ("B", "Yes, I do.")));

        Assert.Equal(1, dialectic.Questions);
        Assert.Equal(0, dialectic.Answered);
        Assert.Equal([0], dialectic.Unanswered);
        Assert.Empty(dialectic.Exchanges);
    }

    [Fact]
    public void Excerpts_are_short_and_cut_on_a_word_boundary()
    {
        string longQuestion = "Could you explain " + string.Join(' ', Enumerable.Repeat("everything about the migration", 12)) + "?";
        string longAnswer = string.Join("\n\n", Enumerable.Repeat("Sure,   first back up the database.", 10));
        DialecticExchange exchange = Assert.Single(Analyze(TestConversation.Of(("A", longQuestion), ("B", longAnswer))).Exchanges);

        Assert.True(exchange.Question.Length <= 160);
        Assert.EndsWith("…", exchange.Question);
        Assert.StartsWith("Could you explain everything", exchange.Question);
        Assert.True(exchange.Answer.Length <= 160);
        Assert.EndsWith("…", exchange.Answer);
        Assert.DoesNotContain("  ", exchange.Answer);
        Assert.DoesNotContain("\n", exchange.Answer);
        Assert.DoesNotContain(" …", exchange.Answer);
    }

    [Fact]
    public void Moves_are_counted_from_markers_in_context()
    {
        DialecticPattern dialectic = Analyze(TestConversation.Of(
            ("Ana", "I think remote work is better for focus."),
            ("Ben", "I disagree, offices help collaboration."),
            ("Ana", "Fair point, offices do help with onboarding."),
            ("Ben", "To clarify, I meant early-career staff."),
            ("Ana", "So overall, a hybrid week reconciles both views."),
            ("Ben", "You're right, but the commute still costs hours."),
            ("Ana", "lol ok")));

        Assert.Equal(new DialecticMoves { Claim = 1, Challenge = 2, Concession = 1, Clarification = 1, Synthesis = 1 }, dialectic.Moves);
        Assert.Equal(
            [(0, "claim"), (1, "challenge"), (2, "concession"), (3, "clarification"), (4, "synthesis"), (5, "challenge")],
            dialectic.ByMessage.Select(m => (m.Index, m.Move)));
    }

    [Theory]
    [InlineData("Remote work is better for focus and output.", "claim")]
    [InlineData("The answer is to cache the tokens.", "claim")]
    [InlineData("Are you sure about that?", "challenge")]
    [InlineData("Actually, no. The cache is per user.", "challenge")]
    [InlineData("But that ignores the cost.", "challenge")]
    [InlineData("Good point, I stand corrected.", "concession")]
    [InlineData("You’re right.", "concession")]
    [InlineData("In other words, we ship on Friday.", "clarification")]
    [InlineData("What I meant was the second server.", "clarification")]
    [InlineData("Putting it together: cache first, then shard.", "synthesis")]
    [InlineData("I agree that both speed and safety matter here.", "synthesis")]
    [InlineData("That is not a fair point.", null)]
    [InlineData("ok thanks", null)]
    [InlineData("Das ist eine gute Frage.", null)]
    public void A_reply_makes_the_move_its_markers_signal(string reply, string? move)
    {
        DialecticPattern dialectic = Analyze(TestConversation.Of(("A", "We should cache the tokens."), ("B", reply)));

        Assert.Equal(move, dialectic.ByMessage.SingleOrDefault(m => m.Index == 1)?.Move);
    }

    [Fact]
    public void Challenges_and_concessions_need_someone_to_answer()
    {
        DialecticPattern dialectic = Analyze(TestConversation.Of(
            ("A", "I disagree with the usual view on caching."),
            ("A", "You're right that it is hard."),
            ("B", "I disagree.")));

        Assert.Equal([(0, "claim"), (1, "claim"), (2, "challenge")], dialectic.ByMessage.Select(m => (m.Index, m.Move)));
    }

    [Fact]
    public void Non_english_emoji_and_blank_messages_do_not_crash_and_say_little()
    {
        DialecticPattern dialectic = Analyze(TestConversation.Of(
            ("A", "¿Qué hora es?"),
            ("B", "Son las diez."),
            ("A", "🎉🎉"),
            ("B", "   "),
            ("A", "这是什么？"),
            ("B", "مرحبا")));

        Assert.Equal(2, dialectic.Questions);
        Assert.Equal([(0, 1), (4, 5)], dialectic.Exchanges.Select(e => (e.QuestionIndex, e.AnswerIndex)));
        Assert.Empty(dialectic.ByMessage);
        Assert.Equal("casual", dialectic.Structure);
    }

    [Fact]
    public void The_same_conversation_gives_byte_identical_json()
    {
        string First() => System.Text.Json.JsonSerializer.Serialize(Analyze(Support), AnalysisJsonContext.Default.DialecticPattern);

        Assert.Equal(First(), First());
        Assert.Contains("\"answered_ratio\":0.5", First());
        Assert.Contains("\"unanswered\":[7,8,9]", First());
    }
}
