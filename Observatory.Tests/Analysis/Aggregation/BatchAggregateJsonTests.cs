using System.Text.Json;
using Observatory.Analysis.Aggregation;
using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class BatchAggregateJsonTests
{
    [Fact]
    public void The_json_has_the_contract_shape_in_snake_case()
    {
        var aggregate = Aggregate([.. ThreeSubjects(), Failed("f")]);

        using var document = JsonDocument.Parse(aggregate.ToJson());
        JsonElement root = document.RootElement;
        Assert.Equal(
            ["conversations", "sentiment", "clusters", "common_patterns", "outliers", "failed", "cancelled", "silhouette"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(15, root.GetProperty("conversations").GetInt32());
        Assert.Equal(["mean", "distribution"], root.GetProperty("sentiment").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sentiment").GetProperty("mean").ValueKind);
        Assert.Equal(["negative", "neutral", "positive"], root.GetProperty("sentiment").GetProperty("distribution").EnumerateObject().Select(p => p.Name));
        JsonElement cluster = root.GetProperty("clusters")[0];
        Assert.Equal(["label", "size", "refs", "keywords", "representative_ref", "excerpts"], cluster.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, cluster.GetProperty("refs")[0].ValueKind);
        Assert.Equal(["pattern", "share"], root.GetProperty("common_patterns")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("outliers").ValueKind);
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
    }

    [Fact]
    public void Json_reads_back_to_the_same_aggregate()
    {
        string json = Aggregate([.. SyntheticBatch.Items(50, subjects: 3), Cancelled("x")]).ToJson();

        Assert.Equal(json, BatchAggregate.FromJson(json).ToJson());
    }

    [Fact]
    public void Non_ascii_text_is_written_as_is()
    {
        var aggregate = Aggregate([Completed("ü-1", Digest(["crème", "brûlée"], excerpt: "Wie macht man Crème brûlée?"))], new BatchAggregateOptions { MinClusterSize = 1 });

        Assert.Contains("\"crème / brûlée\"", aggregate.ToJson());
        Assert.Contains("Wie macht man Crème brûlée?", aggregate.ToJson());
    }
}
