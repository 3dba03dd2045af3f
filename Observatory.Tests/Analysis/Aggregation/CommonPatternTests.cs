using static Observatory.Tests.Analysis.Aggregation.AggregationTestData;

namespace Observatory.Tests.Analysis.Aggregation;

public class CommonPatternTests
{
    [Fact]
    public void Each_kind_shows_the_share_of_conversations_with_it_most_common_first()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest(["bread"], patterns: ["question_answer", "support", "loop"])),
            Completed("b", Digest(["bread"], patterns: ["question_answer", "loop"])),
            Completed("c", Digest(["bread"], patterns: ["question_answer", "pii"])),
            Completed("d", Digest(["bread"], patterns: [])),
            Failed("e"),
        ]);

        Assert.Equal(
            [("question_answer", 0.75), ("loop", 0.5), ("support", 0.25), ("pii", 0.25)],
            aggregate.CommonPatterns.Select(p => (p.Pattern, p.Share)));
    }

    [Fact]
    public void Equal_shares_follow_the_vocabulary_order_and_kinds_nobody_shows_are_left_out()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest(["bread"], patterns: ["prompt_injection", "casual"])),
            Completed("b", Digest(["tax"], patterns: ["debate"])),
            Completed("c", Digest(["goal"], patterns: ["topic_shift"])),
        ]);

        Assert.Equal(["debate", "casual", "topic_shift", "prompt_injection"], aggregate.CommonPatterns.Select(p => p.Pattern));
        Assert.All(aggregate.CommonPatterns, p => Assert.Equal(0.3333, p.Share));
    }

    [Fact]
    public void Conversations_without_keywords_still_count_towards_the_shares()
    {
        var aggregate = Aggregate(
        [
            Completed("a", Digest([], patterns: ["casual"])),
            Completed("b", Digest(["bread"], patterns: ["question_answer"])),
        ]);

        Assert.Equal([("question_answer", 0.5), ("casual", 0.5)], aggregate.CommonPatterns.Select(p => (p.Pattern, p.Share)));
    }
}
