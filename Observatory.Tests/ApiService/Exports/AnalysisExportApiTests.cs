using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Exports;

public sealed class ExportStack() : InProcessStackFixture("exports", withWorker: true)
{
    /// <summary>The refund chat, completed once and exported by several tests.</summary>
    public string CompletedId { get; private set; } = null!;

    protected override async Task OnStartedAsync()
    {
        var (status, body, _) = await Client.PostJsonAsync("/api/v1/analyze?wait=20", SampleConversations.RefundChat);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", body!["status"]!.GetValue<string>());
        CompletedId = body["id"]!.GetValue<string>();
    }
}

/// <summary>CONTRACT §3 <c>GET /api/v1/analyze/{id}?format=json|csv|markdown</c> through the ApiService, with a worker,
/// on real PostgreSQL and Redis.</summary>
public sealed class AnalysisExportApiTests(ExportStack fixture) : IClassFixture<ExportStack>
{
    private readonly HttpClient _client = fixture.Client;
    private string Id => fixture.CompletedId;

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Format_csv_downloads_one_row_per_message()
    {
        var (response, body) = await GetAsync($"/api/v1/analyze/{Id}?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"attachment; filename=\"analysis-{Id}.csv\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        var rows = Rfc4180.Parse(body);
        Assert.Equal(["index", "speaker", "role", "words", "sentiment", "topic_segment", "is_question", "key_moment", "prompt_injection"], rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["Ada", "Bot", "Ada", "Bot"], rows.Skip(1).Select(r => r[1]));
        Assert.Equal(["human", "ai", "human", "ai"], rows.Skip(1).Select(r => r[2]));
        Assert.Equal("true", rows[1][6]);   // "Can I get a refund?"
    }

    [Fact]
    public async Task Accept_text_markdown_gets_the_report()
    {
        var (response, body) = await GetAsync($"/api/v1/analyze/{Id}", accept: "text/markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"attachment; filename=\"analysis-{Id}.md\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.StartsWith("# Conversation analysis: Refund\n", body);
        Assert.Contains("**4 messages** · 2 participants · 36 s", body);
        Assert.Contains("| Ada | human | 2 |", body);
        Assert.Contains("\n## Engine\n", body);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Accept_text_csv_works_and_the_query_wins_over_accept()
    {
        var (byAccept, csv) = await GetAsync($"/api/v1/analyze/{Id}", accept: "text/csv");
        var (byQuery, markdown) = await GetAsync($"/api/v1/analyze/{Id}?format=markdown", accept: "text/csv");

        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("index,speaker,", csv);
        Assert.Equal("text/markdown", byQuery.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# Conversation analysis", markdown);
    }

    [Fact]
    public async Task Format_json_is_the_resource_as_a_download_and_a_plain_read_is_not_a_download()
    {
        var (explicitJson, exported) = await GetAsync($"/api/v1/analyze/{Id}?format=json");
        var (plain, read) = await GetAsync($"/api/v1/analyze/{Id}");

        Assert.Equal(HttpStatusCode.OK, explicitJson.StatusCode);
        Assert.Equal("application/json", explicitJson.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"attachment; filename=\"analysis-{Id}.json\"", string.Join(", ", explicitJson.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(Id, JsonNode.Parse(exported)!["id"]!.GetValue<string>());
        Assert.Equal(4, JsonNode.Parse(exported)!["result"]!["conversation"]!["messages"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Content.Headers.Contains("Content-Disposition"));
        Assert.Equal(JsonNode.Parse(exported)!["result"]!.ToJsonString(), JsonNode.Parse(read)!["result"]!.ToJsonString());
    }

    [Fact]
    public async Task The_api_document_lists_every_representation_of_an_analysis()
    {
        var (status, document, _) = await _client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var get = document!["paths"]!["/api/v1/analyze/{id}"]!["get"]!;
        var ok = get["responses"]!["200"]!["content"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("application/json", ok);
        Assert.Contains("text/csv", ok);
        Assert.Contains("text/markdown", ok);
        Assert.NotNull(get["responses"]!["409"]);
        Assert.Contains(get["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "format");
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_pointing_at_format()
    {
        var (status, body, response) = await _client.GetJsonAsync($"/api/v1/analyze/{Id}?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(body!["errors"]!["format"]);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_in_every_format()
    {
        foreach (var format in new[] { "csv", "markdown", "json" })
        {
            var (status, body, _) = await _client.GetJsonAsync($"/api/v1/analyze/{Guid.NewGuid()}?format={format}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(404, body!["status"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_failed_analysis_has_nothing_to_export_and_the_409_says_why()
    {
        // No language model is configured, so "required" fails the analysis.
        var (_, failed, _) = await _client.PostJsonAsync("/api/v1/analyze?wait=20",
            """{"messages":[{"role":"user","content":"hello"},{"role":"assistant","content":"hi"}],"options":{"llm":"required"}}""");
        Assert.Equal("failed", failed!["status"]!.GetValue<string>());
        var id = failed["id"]!.GetValue<string>();

        var (status, body, _) = await _client.GetJsonAsync($"/api/v1/analyze/{id}?format=csv");
        var json = await _client.GetJsonAsync($"/api/v1/analyze/{id}?format=json");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("llm_unavailable", body!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal("failed", json.Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_analysis_that_has_not_run_yet_has_nothing_to_export()
    {
        await fixture.Stack.StopWorkerAsync();
        try
        {
            var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(41));
            var id = accepted!["id"]!.GetValue<string>();

            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{id}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
            var (status, body, _) = await _client.SendJsonAsync(request);
            var resource = await _client.GetJsonAsync($"/api/v1/analyze/{id}");

            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Contains("queued", body!["detail"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, resource.Status);
            Assert.Equal("queued", resource.Body!["status"]!.GetValue<string>());
        }
        finally
        {
            fixture.Stack.StartWorker();
        }
    }
}
