using Observatory.Analysis.Aggregation;

namespace Observatory.Tests.Analysis.Aggregation;

public class AggregateDeterminismTests
{
    [Fact]
    public void The_same_batch_gives_byte_identical_json()
    {
        var items = SyntheticBatch.Items(1000, subjects: 5);

        string first = BatchAggregator.Aggregate(items, new BatchAggregateOptions()).ToJson();
        string second = BatchAggregator.Aggregate(SyntheticBatch.Items(1000, subjects: 5), new BatchAggregateOptions()).ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_order_of_the_items_does_not_change_the_aggregate()
    {
        var items = SyntheticBatch.Items(300, subjects: 4);
        var shuffled = items.OrderBy(_ => Random.Shared.Next()).ToArray();
        var reversed = items.Reverse().ToArray();

        var aggregate = BatchAggregator.Aggregate(items, new BatchAggregateOptions());

        Assert.Equal(
            aggregate.Clusters.Select(c => c.Refs.ToHashSet()),
            BatchAggregator.Aggregate(shuffled, new BatchAggregateOptions()).Clusters.Select(c => c.Refs.ToHashSet()));
        Assert.Equal(aggregate.ToJson(), BatchAggregator.Aggregate(reversed, new BatchAggregateOptions()).ToJson());
        Assert.Equal(4, aggregate.Clusters.Count);
    }

    [Fact]
    public void A_structureless_batch_is_the_same_every_time()
    {
        // One subject: k-means has many near-equivalent answers, the fixed seeding must still pick the same one.
        var items = SyntheticBatch.Items(400, subjects: 1);

        Assert.Equal(
            BatchAggregator.Aggregate(items, new BatchAggregateOptions()).ToJson(),
            BatchAggregator.Aggregate(items.Reverse().ToArray(), new BatchAggregateOptions()).ToJson());
    }
}
