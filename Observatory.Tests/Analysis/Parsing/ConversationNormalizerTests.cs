using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Parsing;

public class ConversationNormalizerTests
{
    [Fact]
    public void Messages_without_text_are_skipped_and_the_rest_numbered_from_zero()
    {
        var conversation = ConversationNormalizer.FromMessages(
        [
            new RawMessage("Ada", null, "first", null),
            new RawMessage("Ben", null, null, null),
            new RawMessage("Ben", null, "", null),
            new RawMessage("Ben", null, " \n\t ", null),
            new RawMessage("Ben", null, "second", null),
        ]);

        Assert.Equal([0, 1], conversation.Messages.Select(m => m.Index));
        Assert.Equal(["first", "second"], conversation.Messages.Select(m => m.Content));
        Assert.Equal(["Ada", "Ben"], conversation.Messages.Select(m => m.Speaker));
    }

    [Fact]
    public void OpenAI_chat_format_uses_the_role_as_speaker_and_maps_it()
    {
        var conversation = ConversationNormalizer.FromMessages(
        [
            new RawMessage(null, "system", "Be brief.", null),
            new RawMessage(null, "user", "Hi", null),
            new RawMessage(null, "assistant", "Hello", null),
            new RawMessage(null, " developer ", "Rules", null),
        ]);

        Assert.Equal(["system", "user", "assistant", "developer"], conversation.Messages.Select(m => m.Speaker));
        Assert.Equal([SpeakerRole.System, SpeakerRole.Human, SpeakerRole.Ai, SpeakerRole.System], conversation.Messages.Select(m => m.Role));
    }

    [Theory]
    [InlineData("Ada", "human", SpeakerRole.Human)]
    [InlineData("Ada", "ai", SpeakerRole.Ai)]
    [InlineData("Ada", "system", SpeakerRole.System)]
    [InlineData("assistant", "participant", SpeakerRole.Participant)]
    [InlineData("Ada", "Customer", SpeakerRole.Human)]
    [InlineData("Ada", null, SpeakerRole.Participant)]
    [InlineData("Customer", null, SpeakerRole.Human)]
    [InlineData("Agent", null, SpeakerRole.Ai)]
    [InlineData("Claude", "", SpeakerRole.Ai)]
    public void An_explicit_role_wins_and_is_otherwise_inferred_from_the_speaker(string speaker, string? role, SpeakerRole expected)
    {
        var message = Assert.Single(ConversationNormalizer.FromMessages([new RawMessage(speaker, role, "text", null)]).Messages);
        Assert.Equal(expected, message.Role);
        Assert.Equal(speaker, message.Speaker);
    }

    [Fact]
    public void Speaker_is_trimmed_and_falls_back_to_unknown()
    {
        var conversation = ConversationNormalizer.FromMessages(
        [
            new RawMessage("  Ada Lovelace \t", null, "x", null),
            new RawMessage("   ", null, "y", null),
        ]);

        Assert.Equal("Ada Lovelace", conversation.Messages[0].Speaker);
        Assert.Equal("Unknown", conversation.Messages[1].Speaker);
        Assert.Equal(SpeakerRole.Participant, conversation.Messages[1].Role);
    }

    [Fact]
    public void Content_is_trimmed_only_at_its_ends()
    {
        var message = ConversationNormalizer.FromMessages([new RawMessage("Ada", null, "\n  line one\n\n    indented  \n ", null)]).Messages[0];
        Assert.Equal("line one\n\n    indented", message.Content);
    }

    [Fact]
    public void Code_markup_and_sql_are_kept_verbatim()
    {
        const string content = "<script>alert('x')</script>\nSELECT * FROM users WHERE name = 'a:b'; -- Human: hi\n{\"role\": \"system\"}\n$ rm -rf / && echo \"done\"";
        var message = ConversationNormalizer.FromMessages([new RawMessage("user", "user", content, null)]).Messages[0];
        Assert.Equal(content, message.Content);
    }

    [Fact]
    public void Unicode_emoji_and_right_to_left_text_survive()
    {
        const string content = "مرحبا بالعالم 👋🏽 — שלום, 你好, Zoë";
        var message = ConversationNormalizer.FromMessages([new RawMessage("مستخدم", null, content, null)]).Messages[0];
        Assert.Equal(content, message.Content);
        Assert.Equal("مستخدم", message.Speaker);
    }

    [Fact]
    public void Flattened_content_parts_are_joined_by_line_breaks()
    {
        string content = MessageContent.JoinParts(["Look at this:", null, "", "SELECT 1;"]);
        Assert.Equal("Look at this:\nSELECT 1;", content);

        var message = ConversationNormalizer.FromMessages([new RawMessage(null, "user", content, null)]).Messages[0];
        Assert.Equal("Look at this:\nSELECT 1;", message.Content);
    }

    [Fact]
    public void Timestamps_are_kept_as_utc_instants()
    {
        var written = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));
        var message = ConversationNormalizer.FromMessages([new RawMessage("Ada", null, "x", written)]).Messages[0];
        Assert.Equal(TimeSpan.Zero, message.Timestamp!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero), message.Timestamp);
    }
}
