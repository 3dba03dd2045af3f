using Observatory.Analysis;
using Observatory.Analysis.Sentiment;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>A valenced word both sides keep returning to is the conversation's subject and counts less.</summary>
public class TopicDampingTests
{
    [Fact]
    public void A_word_both_speakers_keep_using_counts_k_over_df_of_its_value()
    {
        // "danger" (−2.0) carries a valence in 4 of 6 messages, from both speakers: k = max(2, 0.6) = 2, so each use
        // counts 2/4 = ½: −1.0 / √(1 + 15) = −0.25 (undamped −2 / √19 = −0.4588).
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Ann", "Tell me about the danger."),
            ("Bo", "The danger is the river."),
            ("Ann", "Why is the river a danger?"),
            ("Bo", "Because of the danger of floods."),
            ("Ann", "I see."),
            ("Bo", "Right."));

        Assert.Equal([-0.25, -0.25, -0.25, -0.25, 0, 0], sentiment.Trajectory.Select(p => p.Raw));
        Assert.Equal(-0.4588, Math.Round(SentimentOf.Message("Tell me about the danger."), 4));
        Assert.Equal(-0.1667, sentiment.Overall);
        Assert.Equal(4 / 6.0, sentiment.Coverage, 4); // damped words still count as evidence
    }

    [Fact]
    public void A_word_in_no_more_than_k_messages_keeps_its_full_value()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Ann", "Tell me about the danger."),
            ("Bo", "The river."),
            ("Ann", "Why the river?"),
            ("Bo", "Because of the danger of floods."),
            ("Ann", "I see."),
            ("Bo", "Right."));

        Assert.Equal([-0.4588, 0, 0, -0.4588, 0, 0], sentiment.Trajectory.Select(p => p.Raw));
    }

    [Fact]
    public void One_speaker_repeating_a_feeling_is_a_mood_not_a_topic()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Ann", "I hate this."), ("Bo", "Right."), ("Ann", "I hate this."), ("Bo", "Right."), ("Ann", "I hate this."), ("Bo", "Right."));

        Assert.Equal([-0.6808, 0, -0.6808, 0, -0.6808, 0], sentiment.Trajectory.Select(p => p.Raw));
        Assert.Equal(-0.3404, sentiment.Overall);
    }

    [Fact]
    public void Thanks_said_again_and_again_by_both_sides_is_never_damped()
    {
        (string, string)[] messages =
        [
            ("Ann", "Thanks, that helps."), ("Bo", "Thanks to you."), ("Ann", "Thanks again."), ("Bo", "Thanks!"),
            ("Ann", "See you."), ("Bo", "Bye."),
        ];

        SentimentPattern sentiment = SentimentOf.Conversation(messages);

        Assert.Equal(messages.Select(m => Math.Round(SentimentOf.Message(m.Item2), 4)), sentiment.Trajectory.Select(p => p.Raw));
    }

    [Fact]
    public void A_calm_inquiry_into_fear_and_courage_leans_far_less_than_its_words()
    {
        (string, string)[] messages =
        [
            ("Sophia", "What is courage?"),
            ("Theo", "Courage is what you show when you feel fear."),
            ("Sophia", "Does the courageous climber feel fear on the cliff?"),
            ("Theo", "He feels fear, and he climbs."),
            ("Sophia", "So courage needs fear?"),
            ("Theo", "Yes. Courage is acting despite fear."),
            ("Sophia", "And fear without courage?"),
            ("Theo", "Then there is only fear."),
        ];

        SentimentPattern sentiment = SentimentOf.Conversation(messages);
        double undamped = messages.Average(m => SentimentOf.Message(m.Item2));

        // Read word by word the dialogue is negative (−0.106: "fear" outnumbers "courage"); as a subject it is neither.
        Assert.Equal(SentimentLabel.Negative, SentimentLabels.Of(undamped));
        Assert.True(Math.Abs(sentiment.Overall) < Math.Abs(undamped) / 4, $"overall {sentiment.Overall}, undamped {undamped}");
        Assert.Equal(SentimentLabel.Neutral, sentiment.Label);
    }

    [Fact]
    public void Forms_written_as_one_lexicon_token_share_a_family()
    {
        var lexicon = Observatory.Analysis.Sentiment.Lexicon.SentimentLexicon.Shared;
        int Family(string word) => lexicon.Words[word].Family;

        Assert.Equal(Family("courage"), Family("courageous"));
        Assert.Equal(Family("courage"), Family("courageously"));
        Assert.Equal(Family("fear"), Family("fearful"));
        Assert.NotEqual(Family("courage"), Family("brave"));
        Assert.NotEqual(Family("fear"), Family("fearless"));
        Assert.NotEqual(0, Family("thank you"));
        Assert.All(lexicon.Words.Values, entry => Assert.InRange(entry.Family, 0, lexicon.FamilyCount - 1));
    }
}
