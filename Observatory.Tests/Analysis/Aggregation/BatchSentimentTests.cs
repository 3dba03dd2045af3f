using Observatory.Analysis;
using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class BatchSentimentTests
{
    [Fact]
    public void The_mean_averages_the_conversations_that_have_a_score_and_the_distribution_counts_their_labels()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest(["bread"], sentiment: 0.5, label: SentimentLabel.Positive)),
            Completed("b", Digest(["bread"], sentiment: -0.25, label: SentimentLabel.Negative)),
            Completed("c", Digest(["bread"], sentiment: 0.1, label: SentimentLabel.Neutral)),
            Completed("d", Digest(["bread"], sentiment: 0.3, label: SentimentLabel.Positive)),
            Completed("e", Digest(["bread"])), // sentiment not requested
        ]);

        Assert.Equal(5, aggregate.Conversations);
        Assert.Equal(0.1625, aggregate.Sentiment.Mean); // (0.5 − 0.25 + 0.1 + 0.3) / 4
        Assert.Equal(1, aggregate.Sentiment.Distribution.Negative);
        Assert.Equal(1, aggregate.Sentiment.Distribution.Neutral);
        Assert.Equal(2, aggregate.Sentiment.Distribution.Positive);
    }

    [Fact]
    public void The_mean_is_rounded_to_four_decimals()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest(["bread"], sentiment: 0.1, label: SentimentLabel.Neutral)),
            Completed("b", Digest(["bread"], sentiment: 0.1, label: SentimentLabel.Neutral)),
            Completed("c", Digest(["bread"], sentiment: 0.15, label: SentimentLabel.Neutral)),
        ]);

        Assert.Equal(0.1167, aggregate.Sentiment.Mean);
    }

    [Fact]
    public void Failed_and_cancelled_items_are_counted_apart_and_do_not_change_the_sentiment()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest(["bread"], sentiment: -0.4, label: SentimentLabel.Negative)),
            Failed("b"),
            Cancelled("c"),
            Cancelled("d"),
        ]);

        Assert.Equal(1, aggregate.Conversations);
        Assert.Equal(1, aggregate.Failed);
        Assert.Equal(2, aggregate.Cancelled);
        Assert.Equal(-0.4, aggregate.Sentiment.Mean);
        Assert.Equal((1, 0, 0), (aggregate.Sentiment.Distribution.Negative, aggregate.Sentiment.Distribution.Neutral, aggregate.Sentiment.Distribution.Positive));
    }

    [Fact]
    public void Without_any_score_the_mean_is_null_and_every_count_zero()
    {
        var aggregate = Aggregate([Completed("a", Digest(["bread"])), Completed("b", Digest(["tax"]))]);

        Assert.Null(aggregate.Sentiment.Mean);
        Assert.Equal((0, 0, 0), (aggregate.Sentiment.Distribution.Negative, aggregate.Sentiment.Distribution.Neutral, aggregate.Sentiment.Distribution.Positive));
    }
}
