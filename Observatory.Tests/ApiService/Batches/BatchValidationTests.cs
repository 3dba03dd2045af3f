using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Batches;

/// <summary>CONTRACT §2 and §4 for batches: each problem is reported at its path — a conversation by its index — and
/// nothing of a rejected batch is stored or queued.</summary>
public sealed class BatchValidationTests(ValidationStack fixture) : IClassFixture<ValidationStack>
{
    private readonly HttpClient _client = fixture.Client;

    private static string Valid(int i) => SampleConversations.Small(i);

    public static TheoryData<string, string, string> InvalidBatches => new()
    {
        { "no conversations", """{"title":"x"}""", "conversations" },
        { "conversations not an array", """{"conversations":{}}""", "conversations" },
        { "empty batch", """{"conversations":[]}""", "conversations" },
        { "an empty conversation in the middle", $$"""{"conversations":[{{Valid(0)}},{{Valid(1)}},{"messages":[]}]}""", "conversations[2].messages" },
        { "a message of the wrong type", $$$"""{"conversations":[{{{Valid(0)}}},{"messages":[{"role":"user","content":5}]}]}""", "conversations[1].messages[0].content" },
        { "an item that is not an object", $$"""{"conversations":[{{Valid(0)}},"hello"]}""", "conversations[1]" },
        { "an unknown example", """{"conversations":[{"example":"no-such-example"}]}""", "conversations[0].example" },
        { "a duplicate ref", """{"conversations":[{"ref":"a","transcript":"A: hi\nB: hello"},{"ref":"a","transcript":"A: yo\nB: hey"}]}""", "conversations[1].ref" },
        { "a ref of the wrong type", """{"conversations":[{"ref":{"x":1},"transcript":"A: hi\nB: hello"}]}""", "conversations[0].ref" },
        { "an unknown priority", $$"""{"conversations":[{{Valid(0)}}],"priority":"urgent"}""", "priority" },
        { "an unknown pattern", $$$"""{"conversations":[{{{Valid(0)}}}],"options":{"patterns":["astrology"]}}""", "options.patterns[0]" },
        { "a callback on an item", """{"conversations":[{"transcript":"A: hi\nB: hello","options":{"callback_url":"https://example.com/hook"}}]}""", "conversations[0].options.callback_url" },
        { "a callback that is not a URL", $$"""{"conversations":[{{Valid(0)}}],"callback_url":"not a url"}""", "callback_url" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task An_invalid_batch_is_a_400_naming_the_field_and_nothing_is_stored(string because, string body, string path)
    {
        var before = await CountStoredAsync();

        var (status, problem, response) = await _client.PostJsonAsync("/api/v1/analyze/batch", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{because}: expected 400, got {(int)status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(path), $"{because}: errors were {problem["errors"]!.ToJsonString()}");
        Assert.Equal(before, await CountStoredAsync());
    }

    [Fact]
    public async Task More_than_a_thousand_conversations_is_a_400_on_conversations()
    {
        var conversations = new JsonArray();
        for (var i = 0; i < 1_001; i++) conversations.Add(new JsonObject { ["transcript"] = $"A: question {i}?\nB: answer {i}." });
        var before = await CountStoredAsync();

        var (status, problem, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", new JsonObject { ["conversations"] = conversations }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1000", problem!["errors"]!["conversations"]![0]!.GetValue<string>().Replace(",", ""));
        Assert.Equal(before, await CountStoredAsync());
    }

    [Fact]
    public async Task Every_invalid_conversation_is_reported_by_its_index()
    {
        var body = $$"""{"conversations":[{"messages":[]},{{Valid(1)}},{"transcript":""},{"messages":"x"}]}""";

        var (_, problem, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", body);

        var paths = problem!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("conversations[0].messages", paths);
        Assert.Contains("conversations[2].transcript", paths);
        Assert.Contains("conversations[3].messages", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("conversations[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_32_MiB_is_a_413()
    {
        var filler = new string('a', 33 * 1024 * 1024);
        var (status, _, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", $$"""{"conversations":[{"transcript":"A: {{filler}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_public_caller_cannot_ask_for_a_callback()
    {
        var (status, _, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{Valid(0)}}],"callback_url":"https://example.com/hook"}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_valid_batch_stores_every_item_its_payload_and_its_queue_entry_together()
    {
        var before = await CountStoredAsync();

        var (status, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{Valid(0)}},{{Valid(1)}},{{Valid(2)}}],"priority":"high"}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(3, accepted!["total"]!.GetValue<int>());
        // The batch, three analyses, three payloads, three outbox rows (the relay may already have published some).
        Assert.InRange(await CountStoredAsync() - before, 7, 10);
        Assert.Equal(3L, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "SELECT count(*) FROM analyses WHERE batch_id = @id AND priority = 0", Guid.Parse(accepted["id"]!.GetValue<string>())));
    }

    private async Task<long> CountStoredAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM analyses) + (SELECT count(*) FROM analysis_payloads) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM batches)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
