using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Synthesis;

/// <summary>Insights are the sentences a researcher would write down; these check the ones that are easy to get wrong.</summary>
public sealed class InsightWriterTests
{
    [Fact]
    public void Speakers_on_opposite_sides_are_named_instead_of_hiding_behind_a_neutral_average()
    {
        var result = TestConversation.Analyze(TestConversation.Of(
            ("User", "This is useless. The export button is broken and I'm really annoyed."),
            ("Assistant", "Great question! I'm happy to help, thanks so much for your patience!"),
            ("User", "Terrible. Nothing works and I hate wasting my time like this."),
            ("Assistant", "Wonderful! Thanks for reaching out, it's a pleasure to help you today!")));

        var insight = Assert.Single(result.Insights, i => i.Contains("'s tone was negative", StringComparison.Ordinal));
        Assert.StartsWith("User's tone was negative (-", insight, StringComparison.Ordinal);
        Assert.Contains("while Assistant's was positive (+", insight, StringComparison.Ordinal);
    }

    [Fact]
    public void Speakers_who_agree_in_tone_get_no_such_insight()
    {
        var result = TestConversation.Analyze(TestConversation.Of(
            ("User", "Thanks, the new release is great and the team did wonderful work."),
            ("Assistant", "I'm glad you like it! It was a pleasure to help."),
            ("User", "Really happy with how it turned out."),
            ("Assistant", "Wonderful, enjoy it!")));

        Assert.DoesNotContain(result.Insights, i => i.Contains("'s tone was", StringComparison.Ordinal));
    }
}
