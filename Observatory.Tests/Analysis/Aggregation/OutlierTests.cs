using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class OutlierTests
{
    [Fact]
    public void A_conversation_unlike_all_the_others_is_an_outlier()
    {
        var aggregate = Aggregate(
        [
            .. ThreeSubjects(),
            Completed("odd", "volcano", "lava", "eruption", "magma", "help"),
        ]);

        Assert.Equal(["odd"], aggregate.Outliers);
    }

    [Fact]
    public void A_member_far_less_typical_than_the_rest_of_its_cluster_is_an_outlier()
    {
        string[] cooking = ["recipe", "oven", "flour", "butter", "dough", "bake", "sugar", "whisk"];
        string[] tax = ["tax", "deduction", "refund", "income", "receipts", "filing", "accountant", "audit"];
        string[] football = ["football", "goal", "striker", "referee", "penalty", "league", "coach", "stadium"];
        var items = new List<Observatory.Analysis.Aggregation.BatchItem>();
        foreach ((string name, string[] words) in new[] { ("cooking", cooking), ("tax", tax), ("football", football) })
        {
            for (int i = 0; i < 8; i++)
            {
                items.Add(Completed($"{name}-{i}", [.. Enumerable.Range(i, 5).Select(j => words[j % words.Length])]));
            }
        }

        // About baking, but mostly about the kitchen renovation: it belongs with cooking, loosely.
        items.Add(Completed("cooking-kitchen", "oven", "tiles", "plumber", "cabinets", "flour", "worktop", "sink"));

        var aggregate = Aggregate(items);

        Assert.Contains("cooking-kitchen", aggregate.Clusters.Single(c => c.Refs.Contains("cooking-0")).Refs);
        Assert.Equal(["cooking-kitchen"], aggregate.Outliers);
    }

    [Fact]
    public void Identical_and_evenly_similar_conversations_have_no_outliers()
    {
        Assert.Empty(Aggregate(Enumerable.Range(0, 10).Select(i => Completed($"c{i}", "bread", "oven"))).Outliers);
        Assert.Empty(Aggregate(ThreeSubjects()).Outliers);
    }
}
