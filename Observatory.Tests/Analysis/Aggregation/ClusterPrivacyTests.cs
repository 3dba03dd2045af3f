using Observatory.Analysis.Aggregation;
using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class ClusterPrivacyTests
{
    private static readonly BatchItem[] FiveAboutBreadTwoAboutTax =
    [
        .. Enumerable.Range(0, 5).Select(i => Completed($"bread-{i}", Digest(["bread", "oven", "flour", i % 2 == 0 ? "yeast" : "crust"], excerpt: $"Bread question {i}?"))),
        Completed("tax-0", Digest(["tax", "refund", "deadline"], excerpt: "My refund for [EMAIL] is late?")),
        Completed("tax-1", Digest(["tax", "refund", "audit"], excerpt: "Will they audit me?")),
    ];

    [Fact]
    public void A_cluster_smaller_than_the_minimum_lists_its_refs_but_shows_no_excerpts()
    {
        var aggregate = Aggregate(FiveAboutBreadTwoAboutTax);

        var tax = aggregate.Clusters.Single(c => c.Refs.Contains("tax-0"));
        Assert.Equal(["tax-0", "tax-1"], tax.Refs);
        Assert.Empty(tax.Excerpts);
        Assert.DoesNotContain("late?", aggregate.ToJson());
        Assert.DoesNotContain("audit me?", aggregate.ToJson());
    }

    [Fact]
    public void A_cluster_at_the_minimum_shows_up_to_three_distinct_excerpts_closest_to_its_centre_first()
    {
        var aggregate = Aggregate(FiveAboutBreadTwoAboutTax);

        var bread = aggregate.Clusters.Single(c => c.Refs.Contains("bread-0"));
        Assert.Equal(3, bread.Excerpts.Count);
        Assert.Equal(bread.Excerpts.Distinct().Count(), bread.Excerpts.Count);
        Assert.Equal($"Bread question {bread.RepresentativeRef[^1]}?", bread.Excerpts[0]);
    }

    [Fact]
    public void The_minimum_is_configurable()
    {
        var aggregate = Aggregate(FiveAboutBreadTwoAboutTax, new BatchAggregateOptions { MinClusterSize = 6 });

        Assert.All(aggregate.Clusters, c => Assert.Empty(c.Excerpts));
        Assert.Equal(7, aggregate.Clusters.Sum(c => c.Refs.Count));

        var permissive = Aggregate(FiveAboutBreadTwoAboutTax, new BatchAggregateOptions { MinClusterSize = 1 });
        Assert.Equal(["My refund for [EMAIL] is late?", "Will they audit me?"], permissive.Clusters.Single(c => c.Refs.Contains("tax-0")).Excerpts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_without_an_excerpt_are_skipped()
    {
        var aggregate = Aggregate(Enumerable.Range(0, 4).Select(i => Completed($"c{i}", Digest(["bread", "oven"], excerpt: i == 2 ? "Only this one?" : null))));

        Assert.Equal(["Only this one?"], Assert.Single(aggregate.Clusters).Excerpts);
    }
}
