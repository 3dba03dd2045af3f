using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

public class DynamicsTests
{
    private static DynamicsPattern Dynamics(Conversation conversation) =>
        TestConversation.Analyze(conversation, PatternFamily.Dynamics).Patterns.Dynamics!;

    private static SpeakerValues Values(params (string Speaker, double Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Speaker, e.Value)));

    // Ada: 5 + 4 + 5 = 14 words, Bot: 3 + 1 + 2 = 6 words; runs [Ada Ada] [Bot] [Ada] [Bot Bot].
    private static readonly Conversation HandComputed = TestConversation.Of(
        ("Ada", "Hello there, how are you?"),
        ("Ada", "I have a question."),
        ("Bot", "Sure, ask away."),
        ("Ada", "What is two plus two?"),
        ("Bot", "Four."),
        ("Bot", "Anything else?"));

    [Fact]
    public void Hand_computed_conversation()
    {
        DynamicsPattern dynamics = Dynamics(HandComputed);

        Assert.Equal(4, dynamics.Turns);
        // −(0.7·ln 0.7 + 0.3·ln 0.3) / ln 2 = 0.881291…
        Assert.Equal(0.8813, dynamics.Balance);
        Assert.Equal("Ada", dynamics.DominantSpeaker);
        Assert.Equal(0.6, dynamics.TurnSwitchRate); // 3 changes / 5 gaps
        Assert.Equal(Values(("Ada", 7), ("Bot", 3)), dynamics.WordsPerTurn);
        Assert.Equal(Values(("Ada", 0.6667), ("Bot", 0.3333)), dynamics.QuestionRatio);
        Assert.Equal(new SpeakerStreak { Speaker = "Ada", Messages = 2 }, dynamics.LongestStreak);
        Assert.Null(dynamics.ResponseSeconds);
    }

    [Fact]
    public void Even_word_shares_give_full_balance_and_ties_go_to_the_first_speaker()
    {
        DynamicsPattern dynamics = Dynamics(TestConversation.Of(("Ben", "a b c"), ("Ada", "d e f"), ("Cy", "g h i")));

        Assert.Equal(1, dynamics.Balance);
        Assert.Equal("Ben", dynamics.DominantSpeaker);
        Assert.Equal(1, dynamics.TurnSwitchRate);
        Assert.Equal(new SpeakerStreak { Speaker = "Ben", Messages = 1 }, dynamics.LongestStreak);
    }

    [Fact]
    public void Balance_counts_silent_participants_and_is_zero_for_a_monologue()
    {
        // Shares 1/2, 1/2, 0 over three participants: ln 2 / ln 3 = 0.63093.
        Assert.Equal(0.6309, Dynamics(TestConversation.Of(("A", "one"), ("B", "two"), ("C", "👍"))).Balance);
        Assert.Equal(0, Dynamics(TestConversation.Of(("A", "one"), ("A", "two three"))).Balance);
        Assert.Equal(0, Dynamics(TestConversation.Of(("A", "👍"), ("B", "👍"))).Balance);
    }

    [Fact]
    public void A_single_message()
    {
        DynamicsPattern dynamics = Dynamics(TestConversation.Of(("Human", "Is anyone there?")));

        Assert.Equal(1, dynamics.Turns);
        Assert.Equal(0, dynamics.Balance);
        Assert.Equal(0, dynamics.TurnSwitchRate);
        Assert.Equal("Human", dynamics.DominantSpeaker);
        Assert.Equal(Values(("Human", 3)), dynamics.WordsPerTurn);
        Assert.Equal(Values(("Human", 1)), dynamics.QuestionRatio);
        Assert.Equal(new SpeakerStreak { Speaker = "Human", Messages = 1 }, dynamics.LongestStreak);
    }

    [Fact]
    public void Longest_streak_is_the_longest_run_not_the_first()
    {
        var dynamics = Dynamics(TestConversation.Of(("A", "x"), ("B", "x"), ("B", "x"), ("A", "x"), ("A", "x"), ("A", "x"), ("B", "x")));

        Assert.Equal(new SpeakerStreak { Speaker = "A", Messages = 3 }, dynamics.LongestStreak);
        Assert.Equal(4, dynamics.Turns);
        Assert.Equal(0.5, dynamics.TurnSwitchRate);
    }

    [Fact]
    public void Response_seconds_are_per_speaker_medians_over_turn_starts()
    {
        var conversation = TestConversation.Timed(
            ("A", 0, "start"),
            ("B", 10, "10 s"),
            ("A", 40, "30 s"),
            ("B", 45, "5 s"),
            ("B", 100, "same turn, not a response"),
            ("A", 160, "60 s"),
            ("B", null, "no timestamp"),
            ("A", 200, "previous has no timestamp"),
            ("B", 230, "30 s"));

        // B: 10, 5, 30 → 10; A: 30, 60 → 45 (mean of the middle two). Keys in order of first appearance.
        Assert.Equal(Values(("A", 45), ("B", 10)), Dynamics(conversation).ResponseSeconds);
    }

    [Fact]
    public void Response_seconds_skip_speakers_without_a_pair_and_time_running_backwards()
    {
        var conversation = TestConversation.Timed(
            ("A", 100, "x"),
            ("B", 90, "backwards: ignored"),
            ("C", 95, "5 s"),
            ("A", null, "x"));

        Assert.Equal(Values(("C", 5)), Dynamics(conversation).ResponseSeconds);
    }

    [Fact]
    public void Response_seconds_are_null_without_timestamped_pairs()
    {
        Assert.Null(Dynamics(TestConversation.Timed(("A", 0, "x"), ("A", 5, "y"), ("B", null, "z"))).ResponseSeconds);
    }

    [Fact]
    public void Question_ratio_counts_messages_not_question_marks()
    {
        var dynamics = Dynamics(TestConversation.Of(("A", "Why? How? When?"), ("A", "Fine."), ("A", "Really؟"), ("A", "本当？")));
        Assert.Equal(Values(("A", 0.75)), dynamics.QuestionRatio);
    }

    [Fact]
    public void Dynamics_is_null_when_not_requested()
    {
        var result = TestConversation.Analyze(HandComputed, PatternFamily.Sentiment, PatternFamily.Topics);
        Assert.Null(result.Patterns.Dynamics);
        Assert.Equal(6, result.Conversation.Messages);
    }
}
