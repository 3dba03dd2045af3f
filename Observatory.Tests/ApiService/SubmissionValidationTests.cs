using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService;

public sealed class ValidationStack() : InProcessStackFixture("validation", withWorker: false);

/// <summary>CONTRACT §2: every way a submission can be wrong gets the right status and names the offending field,
/// and nothing of it is stored or queued.</summary>
public sealed class SubmissionValidationTests(ValidationStack fixture) : IClassFixture<ValidationStack>
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "empty messages", """{"messages":[]}""", "messages" },
        { "no message has text", """{"messages":[{"role":"user","content":"  "},{"role":"assistant","content":null}]}""", "messages" },
        { "content of the wrong type", """{"messages":[{"role":"user","content":5}]}""", "messages[0].content" },
        { "content part without text", """{"messages":[{"role":"user","content":[{"type":"text","text":7}]}]}""", "messages[0].content[0].text" },
        { "NUL character in content", """{"messages":[{"role":"user","content":"a\u0000b"}]}""", "messages[0].content" },
        { "neither speaker nor role", """{"messages":[{"role":"user","content":"hi"},{"content":"who am I"}]}""", "messages[1].speaker" },
        { "speaker of the wrong type", """{"messages":[{"speaker":["x"],"content":"hi"}]}""", "messages[0].speaker" },
        { "bad timestamp", """{"messages":[{"role":"user","content":"hi"},{"role":"ai","content":"yo","timestamp":"yesterday"}]}""", "messages[1].timestamp" },
        { "message not an object", """{"messages":["hello"]}""", "messages[0]" },
        { "messages not an array", """{"messages":{"role":"user"}}""", "messages" },
        { "no conversation at all", """{"title":"nothing"}""", "messages" },
        { "two forms at once", """{"messages":[{"role":"user","content":"hi"}],"transcript":"Human: hi"}""", "$" },
        { "empty transcript", """{"transcript":"   "}""", "transcript" },
        { "transcript of the wrong type", """{"transcript":["Human: hi"]}""", "transcript" },
        { "unknown example", """{"example":"no-such-example"}""", "example" },
        { "title too long", $$"""{"transcript":"Human: hi","title":"{{new string('t', 501)}}"}""", "title" },
        { "metadata value not a string", """{"transcript":"Human: hi","metadata":{"n":1}}""", "metadata.n" },
        { "too many metadata pairs", "{\"transcript\":\"Human: hi\",\"metadata\":{" + string.Join(',', Enumerable.Range(0, 33).Select(i => $"\"k{i}\":\"v\"")) + "}}", "metadata" },
        { "unknown pattern", """{"transcript":"Human: hi","options":{"patterns":["vibes"]}}""", "options.patterns[0]" },
        { "no pattern", """{"transcript":"Human: hi","options":{"patterns":[]}}""", "options.patterns" },
        { "unknown llm mode", """{"transcript":"Human: hi","options":{"llm":"sometimes"}}""", "options.llm" },
        { "callback not a URL", """{"transcript":"Human: hi","options":{"callback_url":"not a url"}}""", "options.callback_url" },
        { "body not an object", """[1,2,3]""", "$" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_conversation_is_a_400_naming_the_field_and_nothing_is_stored(string because, string body, string path)
    {
        var before = await CountStoredAsync();

        var (status, problem, response) = await _client.PostJsonAsync("/api/v1/analyze", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{because}: expected 400, got {(int)status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, problem!["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["detail"]);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(path), $"{because}: errors were {problem["errors"]!.ToJsonString()}");
        Assert.Equal(before, await CountStoredAsync());
    }

    [Fact]
    public async Task More_than_ten_thousand_messages_is_a_400_on_messages()
    {
        var body = "{\"messages\":[" + string.Join(',', Enumerable.Repeat("{\"role\":\"user\",\"content\":\"hi\"}", 10_001)) + "]}";

        var (status, problem, _) = await _client.PostJsonAsync("/api/v1/analyze", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("10000", problem!["errors"]!["messages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transcript_of_more_than_ten_thousand_turns_is_a_400_on_transcript()
    {
        var transcript = string.Concat(Enumerable.Range(0, 10_001).Select(i => i % 2 == 0 ? "Human: hi\n" : "AI: hello\n"));
        var body = System.Text.Json.JsonSerializer.Serialize(new { transcript });

        var (status, problem, _) = await _client.PostJsonAsync("/api/v1/analyze", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("transcript"));
    }

    [Fact]
    public async Task A_body_over_four_MiB_is_a_413()
    {
        var before = await CountStoredAsync();
        var big = new string('x', 4 * 1024 * 1024);
        var (status, problem, response) = await _client.PostJsonAsync("/api/v1/analyze", $$"""{"messages":[{"role":"user","content":"{{big}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(413, problem!["status"]!.GetValue<int>());
        Assert.Equal(before, await CountStoredAsync());
    }

    [Fact]
    public async Task A_non_json_content_type_is_a_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = new StringContent("Human: hi", Encoding.UTF8, "text/plain") };

        var (status, problem, _) = await _client.SendJsonAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal(415, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var (status, problem, _) = await _client.PostJsonAsync("/api/v1/analyze", """{"messages":[{"role":"user","content":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Malformed JSON", problem!["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":"caf""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}]}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, problem, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = content });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", problem!["errors"]!["$"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_raw_NUL_byte_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"transcript\":\"Human: a\0b\"}");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = content });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Wait_beyond_thirty_seconds_is_a_400()
    {
        var (status, problem, _) = await _client.PostJsonAsync("/api/v1/analyze?wait=31", SampleConversations.Small(1));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("wait"));
    }

    [Fact]
    public async Task A_public_caller_cannot_ask_for_a_webhook()
    {
        var (status, _, _) = await _client.PostJsonAsync("/api/v1/analyze",
            """{"transcript":"Human: hi","options":{"callback_url":"https://example.com/hook"}}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Code_sql_and_markup_inside_messages_are_accepted_as_ordinary_content()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            messages = new[]
            {
                new { role = "user", content = "Why does `DROP TABLE analyses; --` fail? <script>alert(1)</script>" },
                new { role = "assistant", content = "```sql\nSELECT * FROM users WHERE id = '1' OR '1'='1';\n```" },
            },
        });

        var (status, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("queued", accepted!["status"]!.GetValue<string>());
    }

    private async Task<long> CountStoredAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM analyses) + (SELECT count(*) FROM analysis_payloads) + (SELECT count(*) FROM outbox)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
