using Observatory.Analysis.Aggregation;
using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class ClusteringTests
{
    [Fact]
    public void Digests_about_three_different_subjects_form_three_clusters_with_the_right_members()
    {
        var aggregate = Aggregate(ThreeSubjects());

        Assert.Equal(
            Memberships(["cooking-0", "cooking-1", "cooking-2", "cooking-3", "cooking-4"], ["tax-0", "tax-1", "tax-2", "tax-3", "tax-4"], ["football-0", "football-1", "football-2", "football-3", "football-4"]),
            Memberships(aggregate));
        Assert.NotNull(aggregate.Silhouette);
        Assert.Empty(aggregate.Outliers);
    }

    [Fact]
    public void Real_engine_output_for_chats_on_three_subjects_is_clustered_by_subject()
    {
        BatchItem[] items =
        [
            .. Analyzed("bake", SubjectConversations.Baking),
            .. Analyzed("tax", SubjectConversations.Taxes),
            .. Analyzed("football", SubjectConversations.Football),
        ];

        var aggregate = Aggregate(items);

        Assert.Equal(
            Memberships(["bake-0", "bake-1", "bake-2", "bake-3"], ["tax-0", "tax-1", "tax-2", "tax-3"], ["football-0", "football-1", "football-2", "football-3"]),
            Memberships(aggregate));
        Assert.Contains("bread", ClusterOf(aggregate, "bake-0").Keywords);
        Assert.Contains("tax", ClusterOf(aggregate, "tax-0").Keywords);
        Assert.Contains("coach", ClusterOf(aggregate, "football-0").Keywords);
    }

    [Fact]
    public void Real_engine_output_for_chats_on_two_subjects_gives_two_clusters()
    {
        var aggregate = Aggregate([.. Analyzed("bake", SubjectConversations.Baking), .. Analyzed("tax", SubjectConversations.Taxes)]);

        Assert.Equal(
            Memberships(["bake-0", "bake-1", "bake-2", "bake-3"], ["tax-0", "tax-1", "tax-2", "tax-3"]),
            Memberships(aggregate));
    }

    [Fact]
    public void Clusters_are_largest_first_and_labelled_by_their_top_keywords()
    {
        var items = ThreeSubjects().Where(item => !item.Ref.StartsWith("tax", StringComparison.Ordinal) || item.Ref is "tax-0" or "tax-1" or "tax-2" or "tax-3").ToArray();

        var aggregate = Aggregate(items);

        Assert.Equal([5, 5, 4], aggregate.Clusters.Select(c => c.Size));
        Assert.All(aggregate.Clusters, cluster =>
        {
            Assert.InRange(cluster.Keywords.Count, 1, 5);
            Assert.Equal(string.Join(" / ", cluster.Keywords.Take(3)), cluster.Label);
            Assert.Equal(cluster.Size, cluster.Refs.Count);
            Assert.Contains(cluster.RepresentativeRef, cluster.Refs);
        });
        // A word every conversation has says nothing about a cluster.
        Assert.DoesNotContain(aggregate.Clusters.SelectMany(c => c.Keywords), k => k is "question" or "help");
        Assert.All(ClusterOf(aggregate, "cooking-0").Keywords, k => Assert.Contains(k, new[] { "recipe", "oven", "flour", "butter", "dough", "bake", "sugar", "whisk" }));
        Assert.All(ClusterOf(aggregate, "tax-0").Keywords, k => Assert.Contains(k, new[] { "tax", "deduction", "refund", "income", "receipts", "filing", "accountant", "audit" }));
    }

    [Fact]
    public void The_representative_is_the_member_closest_to_the_centre()
    {
        var aggregate = Aggregate(
        [
            Completed("a", "bread", "oven"),
            Completed("b", "bread", "oven", "flour", "yeast"),
            Completed("c", "flour", "yeast"),
        ]);

        Assert.Equal("b", Assert.Single(aggregate.Clusters).RepresentativeRef);
    }

    [Fact]
    public void Keywords_that_differ_only_in_inflection_are_one_term_shown_as_most_members_spell_it()
    {
        var aggregate = Aggregate(
        [
            Completed("a", "recipes", "baking", "sourdough"), Completed("b", "recipe", "baked", "rye"), Completed("c", "recipes", "bakes", "brioche"),
            Completed("d", "taxes", "filing", "refund"), Completed("e", "tax", "filed", "deadline"), Completed("f", "taxes", "files", "audit"),
        ]);

        Assert.Equal(Memberships(["a", "b", "c"], ["d", "e", "f"]), Memberships(aggregate));
        Assert.Contains("recipes", ClusterOf(aggregate, "a").Keywords);
        Assert.DoesNotContain("recipe", ClusterOf(aggregate, "a").Keywords);
    }

    [Fact]
    public void Duplicated_conversations_count_once_when_choosing_the_number_of_clusters()
    {
        // Each conversation twice: every duplicate pair would be a "perfect" cluster if duplicates counted.
        var items = new List<BatchItem>();
        string[][] subjects =
        [
            ["bread", "oven", "flour", "dough"], ["tax", "refund", "deduction", "invoice"], ["striker", "goal", "coach", "league"],
        ];
        string[] variants = ["alpha", "beta", "gamma", "delta"];
        foreach (var subject in subjects)
            foreach (var variant in variants)
                for (var copy = 0; copy < 2; copy++)
                    items.Add(Completed($"{subject[0]}-{variant}-{copy}", [.. subject.Skip(Array.IndexOf(variants, variant) % 2), variant]));

        var aggregate = Aggregate(items);

        Assert.Equal(3, aggregate.Clusters.Count);
        Assert.All(aggregate.Clusters, cluster => Assert.Single(cluster.Refs.Select(r => r.Split('-')[0]).Distinct()));
    }

    [Fact]
    public void Identical_conversations_form_one_cluster_without_outliers()
    {
        var aggregate = Aggregate(Enumerable.Range(0, 6).Select(i => Completed($"c{i}", Digest(["bread", "oven", "flour"], excerpt: "How hot should the oven be?"))));

        var cluster = Assert.Single(aggregate.Clusters);
        Assert.Equal(6, cluster.Size);
        Assert.Equal("bread / oven / flour", cluster.Label);
        Assert.Equal("c0", cluster.RepresentativeRef);
        Assert.Equal(["How hot should the oven be?"], cluster.Excerpts);
        Assert.Empty(aggregate.Outliers);
        Assert.Null(aggregate.Silhouette);
    }

    [Fact]
    public void A_single_conversation_is_a_cluster_of_one()
    {
        var aggregate = Aggregate([Completed("only", Digest(["bread", "oven"], excerpt: "Why is my bread flat?"))]);

        var cluster = Assert.Single(aggregate.Clusters);
        Assert.Equal(["only"], cluster.Refs);
        Assert.Equal("only", cluster.RepresentativeRef);
        Assert.Empty(cluster.Excerpts);
        Assert.Empty(aggregate.Outliers);
    }

    [Fact]
    public void Fewer_than_four_conversations_are_not_split()
    {
        var aggregate = Aggregate([Completed("a", "bread", "oven"), Completed("b", "tax", "refund"), Completed("c", "goal", "striker")]);

        Assert.Equal(3, Assert.Single(aggregate.Clusters).Size);
        Assert.Null(aggregate.Silhouette);
    }

    [Fact]
    public void Conversations_without_keywords_are_in_no_cluster_and_listed_as_outliers()
    {
        var aggregate = Aggregate([.. ThreeSubjects(), Completed("silent-1", Digest([])), Completed("silent-0", Digest([" ", "—"]))]);

        Assert.Equal(17, aggregate.Conversations);
        Assert.Equal(15, aggregate.Clusters.Sum(c => c.Size));
        Assert.Equal(["silent-0", "silent-1"], aggregate.Outliers);
    }

    [Fact]
    public void A_batch_without_any_keywords_has_no_clusters()
    {
        var aggregate = Aggregate([Completed("a", Digest([])), Completed("b", Digest([]))]);

        Assert.Empty(aggregate.Clusters);
        Assert.Equal(["a", "b"], aggregate.Outliers);
    }

    [Fact]
    public void A_batch_with_nothing_completed_aggregates_to_zero_conversations()
    {
        var aggregate = Aggregate([Failed("a"), Cancelled("b")]);

        Assert.Equal(0, aggregate.Conversations);
        Assert.Empty(aggregate.Clusters);
        Assert.Empty(aggregate.CommonPatterns);
        Assert.Empty(aggregate.Outliers);
        Assert.Null(aggregate.Sentiment.Mean);
        Assert.Null(aggregate.Silhouette);

        Assert.Equal(0, Aggregate([]).Conversations);
    }

    [Fact]
    public void A_thousand_conversations_on_eight_subjects_form_eight_clusters_one_per_subject()
    {
        var items = SyntheticBatch.Items(1000, subjects: 8);

        var aggregate = Aggregate(items);

        Assert.Equal(1000, aggregate.Conversations);
        Assert.Equal(
            Enumerable.Range(0, 8).Select(s => string.Join(",", items.Where(i => i.Ref.EndsWith($"-s{s}", StringComparison.Ordinal)).Select(i => i.Ref).Order(StringComparer.Ordinal))).ToHashSet(),
            Memberships(aggregate));
    }

    private static HashSet<string> Memberships(params string[][] clusters) =>
        clusters.Select(refs => string.Join(",", refs.Order(StringComparer.Ordinal))).ToHashSet();

    private static HashSet<string> Memberships(BatchAggregate aggregate) =>
        aggregate.Clusters.Select(c => string.Join(",", c.Refs)).ToHashSet();

    private static ConversationCluster ClusterOf(BatchAggregate aggregate, string reference) =>
        aggregate.Clusters.Single(c => c.Refs.Contains(reference));
}
