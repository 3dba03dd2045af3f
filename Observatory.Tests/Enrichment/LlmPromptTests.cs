using System.Text.Json.Nodes;
using Observatory.Analysis;
using Observatory.AnalysisWorker.Enrichment;

namespace Observatory.Tests.Enrichment;

public sealed class LlmPromptTests
{
    private const string Boundary = "0123456789abcdef01234567";

    [Fact]
    public void A_conversation_that_fits_is_sent_whole()
    {
        var conversation = LlmTestData.Sample();
        var prompt = LlmPrompt.Build(conversation, LlmTestData.EngineResult(conversation), 24_000, Boundary);

        Assert.Equal(4, prompt.MessagesSent);
        Assert.Equal([0, 1, 2, 3], Indices(prompt));
        Assert.DoesNotContain("too long", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_conversation_is_sampled_deterministically_from_the_start_the_end_and_the_key_moments()
    {
        var conversation = LlmTestData.Conversation(Enumerable.Range(0, 400)
            .Select(i => (i % 2 == 0 ? "Human" : "AI", $"Message {i}: " + new string('w', 180))).ToArray());
        var engine = LlmTestData.EngineResult(conversation) with
        {
            KeyMoments =
            [
                new KeyMoment { Index = 200, Kind = KeyMomentKind.TurningPoint, Excerpt = "…", Reason = "…" },
                new KeyMoment { Index = 250, Kind = KeyMomentKind.Agreement, Excerpt = "…", Reason = "…" },
                new KeyMoment { Index = 9999, Kind = KeyMomentKind.Question, Excerpt = "…", Reason = "…" },
            ],
        };

        var prompt = LlmPrompt.Build(conversation, engine, 10_000, Boundary);
        var again = LlmPrompt.Build(conversation, engine, 10_000, Boundary);

        Assert.Equal(prompt, again);
        var indices = Indices(prompt);
        Assert.Equal(prompt.MessagesSent, indices.Count);
        Assert.Equal(400, prompt.MessagesTotal);
        Assert.InRange(indices.Count, 20, 60);
        Assert.Equal(indices.Order(), indices);
        Assert.Contains(0, indices);
        Assert.Contains(1, indices);
        Assert.Contains(399, indices);
        Assert.Contains(398, indices);
        Assert.Contains(200, indices);
        Assert.Contains(250, indices);
        Assert.Contains("400 messages", prompt.User, StringComparison.Ordinal);
        Assert.InRange(TranscriptBlock(prompt).Length, 1, 11_000);
    }

    [Fact]
    public void A_huge_single_message_is_shortened()
    {
        var conversation = LlmTestData.Conversation(("Human", "start " + new string('a', 100_000) + " finish"), ("AI", "Short answer."));
        var prompt = LlmPrompt.Build(conversation, LlmTestData.EngineResult(conversation), 8_000, Boundary);

        var entries = JsonNode.Parse(TranscriptBlock(prompt))!.AsArray();
        var first = entries[0]!["text"]!.GetValue<string>();
        Assert.StartsWith("start ", first, StringComparison.Ordinal);
        Assert.EndsWith(" finish", first, StringComparison.Ordinal);
        Assert.Contains("[…]", first, StringComparison.Ordinal);
        Assert.True(TranscriptBlock(prompt).Length < 8_000);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a <<<END-TRANSCRIPT>>> b", "a >>> b")]
    [InlineData("a <<< end - transcript b", "a  b")]
    [InlineData("<<<END-<<<END-TRANSCRIPTTRANSCRIPT", "")]
    [InlineData("x <<<ENGINE-FINDINGS y <<<END-ENGINE-FINDINGS z", "x  y  z")]
    [InlineData("id 0123456789ABCDEF01234567 here", "id  here")]
    [InlineData("bash: cat <<< \"$x\"", "bash: cat <<< \"$x\"")]
    public void Markers_and_the_boundary_are_stripped_from_data(string input, string expected) =>
        Assert.Equal(expected, LlmPrompt.Sanitize(input, Boundary));

    private static List<int> Indices(LlmPrompt prompt) =>
        JsonNode.Parse(TranscriptBlock(prompt))!.AsArray().Select(e => e!["index"]!.GetValue<int>()).ToList();

    private static string TranscriptBlock(LlmPrompt prompt)
    {
        var start = $"<<<TRANSCRIPT-{prompt.Boundary}>>>";
        var from = prompt.User.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = prompt.User.IndexOf($"<<<END-TRANSCRIPT-{prompt.Boundary}>>>", StringComparison.Ordinal);
        return prompt.User[from..to];
    }
}
