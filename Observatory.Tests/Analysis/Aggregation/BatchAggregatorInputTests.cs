using System.ComponentModel.DataAnnotations;
using Observatory.Analysis.Aggregation;
using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class BatchAggregatorInputTests
{
    [Fact]
    public void An_unknown_status_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Aggregate([new BatchItem("a", "running", null)]));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void A_completed_item_needs_its_digest()
    {
        Assert.Throws<ArgumentException>(() => Aggregate([new BatchItem("a", BatchItem.Completed, null)]));
    }

    [Fact]
    public void A_digest_on_a_failed_item_is_ignored()
    {
        var aggregate = Aggregate([new BatchItem("a", BatchItem.Failed, Digest(["bread"])), Completed("b", "tax")]);

        Assert.Equal(1, aggregate.Conversations);
        Assert.Equal(["b"], Assert.Single(aggregate.Clusters).Refs);
    }

    [Theory]
    [InlineData(0, 10, 0.1, 0.2)]
    [InlineData(3, 1, 0.1, 0.2)]
    [InlineData(3, 10, -0.1, 0.2)]
    [InlineData(3, 10, 0.1, 1.0)]
    public void Options_out_of_range_are_refused(int minClusterSize, int maxClusters, double minSilhouette, double patternWeight)
    {
        var options = new BatchAggregateOptions { MinClusterSize = minClusterSize, MaxClusters = maxClusters, MinSilhouette = minSilhouette, PatternWeight = patternWeight };

        Assert.Throws<ValidationException>(() => Aggregate(ThreeSubjects(), options));
    }

    [Fact]
    public void A_cancelled_token_stops_the_work()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => BatchAggregator.Aggregate(ThreeSubjects(), new BatchAggregateOptions(), cancellation.Token));
    }
}
