using Observatory.Analysis;
using Observatory.Analysis.Sentiment;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>The numeric building blocks: smoothing, downsampling, swings, and how the trend reads them.</summary>
public class SentimentSeriesTests
{
    [Fact]
    public void Smoothing_cancels_strict_alternation_everywhere_including_the_ends()
    {
        double[] alternating = Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? -0.6 : 0.6).ToArray();
        foreach (int halfWindow in new[] { 1, 2, 3 })
        {
            Assert.All(SentimentSmoothing.Smooth(alternating, halfWindow), value => Assert.Equal(0, value, 12));
        }
    }

    [Fact]
    public void Smoothing_keeps_a_constant_series_and_follows_a_step_at_its_position()
    {
        Assert.All(SentimentSmoothing.Smooth([0.4, 0.4, 0.4, 0.4, 0.4], 2), value => Assert.Equal(0.4, value, 12));

        double[] step = SentimentSmoothing.Smooth([-1, -1, -1, -1, 1, 1, 1, 1], 1);
        // Interior: (½·x[i−1] + x[i] + ½·x[i+1]) / 2.
        Assert.Equal(-0.5, step[3], 12);
        Assert.Equal(0.5, step[4], 12);
        Assert.Equal(-1, step[0], 12);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(10_000, 500)]
    public void The_window_grows_with_the_conversation(int messages, int halfWindow) =>
        Assert.Equal(halfWindow, SentimentSmoothing.HalfWindow(messages));

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(2_000)]
    [InlineData(10_007)]
    public void Trajectory_indices_are_ascending_in_range_and_keep_both_ends(int messages)
    {
        int[] indices = SentimentTrajectory.Indices(messages);
        Assert.Equal(Math.Min(messages, 500), indices.Length);
        Assert.Equal(0, indices[0]);
        Assert.Equal(messages - 1, indices[^1]);
        for (int k = 1; k < indices.Length; k++)
        {
            Assert.True(indices[k] > indices[k - 1]);
        }
    }

    [Fact]
    public void Swings_count_moves_of_at_least_a_quarter_against_the_previous_direction()
    {
        Assert.Equal(0, SentimentTrendClassifier.Swings([0, 0.1, 0.2, 0.1, 0.2]));
        Assert.Equal(1, SentimentTrendClassifier.Swings([-0.5, -0.2, 0.1, 0.5]));
        Assert.Equal(3, SentimentTrendClassifier.Swings([0, 0.5, 0, 0.5]));
    }

    [Fact]
    public void A_recovery_with_one_dip_is_still_improving()
    {
        double[] series = [-0.6, -0.5, -0.3, -0.1, 0.2, 0.4, 0.1, 0.3, 0.5, 0.6];
        SentimentShift[] shifts = [Shift(4, SentimentLabel.Negative, SentimentLabel.Positive)];
        Assert.Equal(SentimentTrend.Improving, SentimentTrendClassifier.Classify(series, shifts).Trend);
    }

    [Fact]
    public void Swings_smaller_than_the_threshold_given_do_not_count()
    {
        double[] climbWithDips = [-0.1, -0.3, 0.1, -0.6, 0.2, 0.5];
        Assert.Equal(3, SentimentTrendClassifier.Swings(climbWithDips));
        Assert.Equal(1, SentimentTrendClassifier.Swings(climbWithDips, 1.0));
    }

    [Fact]
    public void A_climb_whose_dips_are_smaller_than_the_climb_is_improving_not_volatile()
    {
        // The smoothed tone of an angry caller and a polite agent until a refund, then thanks: two dips on the way
        // (the agent's "thank you", then an apology full of "frustration" and "mistake"), each smaller than the rise.
        double[] series = [-0.08, -0.27, -0.29, 0.08, 0.05, -0.51, -0.64, -0.2, 0.23, 0.38, 0.37, 0.44, 0.36, 0.45, 0.52, 0.4];
        SentimentShift[] shifts = [Shift(8, SentimentLabel.Negative, SentimentLabel.Positive)];

        SentimentTrendReading reading = SentimentTrendClassifier.Classify(series, shifts);

        Assert.Equal(3, SentimentTrendClassifier.Swings(series)); // what a fixed ¼ threshold would call a zigzag
        Assert.Equal(1, reading.Swings);
        Assert.Equal(SentimentTrend.Improving, reading.Trend);
    }

    [Fact]
    public void Ups_and_downs_inside_one_mood_are_not_volatile()
    {
        // Bursts of cheer in a calm chat: many legs, but the label only goes neutral ⇄ positive.
        double[] series = [0, 0.4, 0, 0.4, 0, 0.4, 0, 0.4];
        SentimentShift[] shifts =
        [
            Shift(1, SentimentLabel.Neutral, SentimentLabel.Positive), Shift(2, SentimentLabel.Positive, SentimentLabel.Neutral),
            Shift(3, SentimentLabel.Neutral, SentimentLabel.Positive), Shift(4, SentimentLabel.Positive, SentimentLabel.Neutral),
        ];

        SentimentTrendReading reading = SentimentTrendClassifier.Classify(series, shifts);

        Assert.True(reading.Swings >= 3);
        Assert.Equal(SentimentTrend.Stable, reading.Trend);
    }

    [Fact]
    public void Polar_crossings_count_moves_between_negative_and_positive_whatever_lies_between()
    {
        SentimentLabel neg = SentimentLabel.Negative, neu = SentimentLabel.Neutral, pos = SentimentLabel.Positive;
        Assert.Equal(0, SentimentTrendClassifier.PolarCrossings([]));
        Assert.Equal(1, SentimentTrendClassifier.PolarCrossings([Shift(2, pos, neu), Shift(5, neu, neg)])); // one slide
        Assert.Equal(0, SentimentTrendClassifier.PolarCrossings([Shift(2, neg, neu), Shift(5, neu, neg)])); // a lull
        Assert.Equal(2, SentimentTrendClassifier.PolarCrossings([Shift(2, neg, pos), Shift(5, pos, neg)]));
        Assert.Equal(2, SentimentTrendClassifier.PolarCrossings([Shift(2, pos, neu), Shift(4, neu, neg), Shift(7, neg, pos)]));
        Assert.Equal(1, SentimentTrendClassifier.PolarCrossings([Shift(2, neu, neg), Shift(5, neg, pos)]));
    }

    private static SentimentShift Shift(int index, SentimentLabel from, SentimentLabel to) =>
        new() { Index = index, From = from, To = to, Magnitude = 0.5, Speaker = "A" };
}
