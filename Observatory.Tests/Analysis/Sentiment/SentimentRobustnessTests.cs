using Observatory.Analysis;
using Observatory.Analysis.Sentiment;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>Random text from an adversarial alphabet: never throws, scores stay in range, indices stay valid.</summary>
public class SentimentRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "good", "not", "bad", "BUT", "very", "😀", "😡", "👍🏽", "❤️", "\u200D", "\uFE0F", ":)", ":(", "<3", "/s", "!!", "?",
        ",", ".", "\n", " ", "  ", "'", "’", "-", "don't", "n't", "oh", "great", "another", "été", "中文", "🏳️‍🌈", "\uD83D",
        "\uDE00", "a\u0301", "sooooo", "XD", "thank", "you", "waste", "of", "time", "although", "kind", "of", "😂😂😂",
    ];

    [Fact]
    public void Random_messages_never_throw_and_stay_in_range()
    {
        var random = new Random(20250501);
        var scorer = new MessageSentimentScorer(Observatory.Analysis.Sentiment.Lexicon.SentimentLexicon.Shared);
        for (int i = 0; i < 2_000; i++)
        {
            string message = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            double score = scorer.Score(message).Score;
            Assert.InRange(score, -1, 1);
            Assert.False(double.IsNaN(score), message);
        }
    }

    [Fact]
    public void Random_conversations_give_valid_patterns()
    {
        var random = new Random(7);
        foreach (int length in new[] { 1, 2, 3, 7, 40, 600 })
        {
            var messages = Enumerable.Range(0, length)
                .Select(_ => ($"S{random.Next(3)}", string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)] + " "))))
                .ToArray();
            SentimentPattern sentiment = SentimentOf.Conversation(messages);

            Assert.InRange(sentiment.Overall, -1, 1);
            Assert.InRange(sentiment.Coverage, 0, 1);
            Assert.All(sentiment.BySpeaker.Values, value => Assert.InRange(value, -1, 1));
            Assert.Equal(Math.Min(length, 500), sentiment.Trajectory.Count);
            Assert.All(sentiment.Trajectory, point =>
            {
                Assert.InRange(point.Index, 0, length - 1);
                Assert.InRange(point.Score, -1, 1);
                Assert.InRange(point.Raw, -1, 1);
            });
            Assert.All(sentiment.Shifts, shift =>
            {
                Assert.InRange(shift.Index, 1, length - 1);
                Assert.NotEqual(shift.From, shift.To);
                Assert.Equal(messages[shift.Index].Item1, shift.Speaker);
            });
            for (int k = 1; k < sentiment.Shifts.Count; k++)
            {
                Assert.True(sentiment.Shifts[k].Index > sentiment.Shifts[k - 1].Index);
                Assert.Equal(sentiment.Shifts[k - 1].To, sentiment.Shifts[k].From);
            }
        }
    }
}
