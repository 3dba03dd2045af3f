using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Integration.Batches;

public sealed class BatchStack() : InProcessStackFixture("batches", withWorker: true, new Dictionary<string, string?>
{
    ["Observatory:Batches:FinalizeScanInterval"] = "00:00:01",
});

/// <summary>CONTRACT §4 with the ApiService and a worker in process, on real PostgreSQL and Redis.</summary>
public sealed class BatchLifecycleTests(BatchStack fixture) : IClassFixture<BatchStack>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_batch_completes_with_counts_items_in_order_and_an_aggregate_that_separates_subjects()
    {
        var conversations = new JsonArray();
        foreach (var subject in new[] { "baking", "taxes", "football" })
            for (var seed = 0; seed < 4; seed++)
                conversations.Add(SubjectConversations.Conversation(subject, seed, $"{subject}-{seed}"));
        var body = new JsonObject { ["conversations"] = conversations, ["title"] = "Three subjects" }.ToJsonString();

        var (status, accepted, response) = await _client.PostJsonAsync("/api/v1/analyze/batch", body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = accepted!["id"]!.GetValue<string>();
        Assert.Equal("queued", accepted["status"]!.GetValue<string>());
        Assert.Equal(12, accepted["total"]!.GetValue<int>());
        Assert.Equal($"/api/v1/analyze/batch/{id}", response.Headers.Location!.ToString());
        Assert.Equal($"/api/v1/analyze/batch/{id}/results", accepted["links"]!["results"]!.GetValue<string>());

        var batch = await _client.WaitForBatchAsync(id, "completed");
        Assert.Equal("normal", batch["priority"]!.GetValue<string>());
        Assert.Equal("Three subjects", batch["title"]!.GetValue<string>());
        Assert.Equal(12, batch["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal(0, batch["counts"]!["queued"]!.GetValue<int>());
        Assert.Equal(1.0, batch["progress"]!.GetValue<double>());
        Assert.NotNull(batch["completed_at"]);
        var items = batch["items"]!.AsArray();
        Assert.Equal(conversations.Select(c => c!["ref"]!.GetValue<string>()), items.Select(i => i!["ref"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("completed", i!["status"]!.GetValue<string>()));

        var item = (await _client.GetJsonAsync($"/api/v1/analyze/{items[0]!["analysis_id"]!.GetValue<string>()}")).Body!;
        Assert.Equal(id, item["batch_id"]!.GetValue<string>());

        var aggregate = batch["aggregate"]!;
        Assert.Equal(12, aggregate["conversations"]!.GetValue<int>());
        var distribution = aggregate["sentiment"]!["distribution"]!;
        Assert.Equal(12, distribution["negative"]!.GetValue<int>() + distribution["neutral"]!.GetValue<int>() + distribution["positive"]!.GetValue<int>());
        Assert.NotEmpty(aggregate["common_patterns"]!.AsArray());

        var clusters = aggregate["clusters"]!.AsArray();
        Assert.Equal(3, clusters.Count);
        foreach (var cluster in clusters)
        {
            var refs = cluster!["refs"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            var subject = refs[0].Split('-')[0];
            Assert.All(refs, r => Assert.StartsWith(subject + "-", r));
            Assert.Equal(4, cluster["size"]!.GetValue<int>());
            Assert.Contains(cluster["representative_ref"]!.GetValue<string>(), refs);
            Assert.NotEmpty(cluster["keywords"]!.AsArray());
        }
    }

    [Fact]
    public async Task Items_without_a_ref_are_named_by_their_index_and_pages_follow_offset_and_limit()
    {
        var conversations = new JsonArray();
        for (var i = 0; i < 5; i++) conversations.Add(JsonNode.Parse(SampleConversations.Small(i)));
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", new JsonObject { ["conversations"] = conversations }.ToJsonString());
        var id = accepted!["id"]!.GetValue<string>();

        var (status, page, _) = await _client.GetJsonAsync($"/api/v1/analyze/batch/{id}?offset=2&limit=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["2", "3"], page!["items"]!.AsArray().Select(i => i!["ref"]!.GetValue<string>()));
        Assert.Equal(5, page["total"]!.GetValue<int>());
        await _client.WaitForBatchAsync(id, "completed");
    }

    [Fact]
    public async Task A_batch_of_another_principal_does_not_exist_for_you()
    {
        var request = ApiCalls.JsonPost("/api/v1/analyze/batch", $$"""{"conversations":[{{SampleConversations.Small(1)}}]}""").As("key:owner");
        var (_, accepted, _) = await _client.SendJsonAsync(request);
        var id = accepted!["id"]!.GetValue<string>();

        var (otherStatus, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/batch/{id}").As("key:someone-else"));
        var (ownerStatus, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/batch/{id}").As("key:owner"));
        var (adminStatus, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/batch/{id}").As("admin", "admin"));

        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.Equal(HttpStatusCode.OK, adminStatus);
    }

    [Fact]
    public async Task The_event_stream_ends_with_the_finished_batch_and_its_aggregate()
    {
        var conversations = new JsonArray(SubjectConversations.Conversation("taxes", 0), SubjectConversations.Conversation("taxes", 1));
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", new JsonObject { ["conversations"] = conversations }.ToJsonString());
        var id = accepted!["id"]!.GetValue<string>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = await _client.GetStringAsync($"/api/v1/analyze/batch/{id}/events", timeout.Token);

        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event: status", events[0]);
        var last = events[^1];
        Assert.StartsWith("event: completed", last);
        var data = JsonNode.Parse(last[(last.IndexOf("data: ", StringComparison.Ordinal) + 6)..])!;
        Assert.Equal(2, data["aggregate"]!["conversations"]!.GetValue<int>());
        Assert.Equal(2, data["counts"]!["completed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Results_stream_one_line_per_item_as_jsonl_or_csv()
    {
        var conversations = new JsonArray(
            SubjectConversations.Conversation("baking", 0, "first"), SubjectConversations.Conversation("football", 1, "second"),
            JsonNode.Parse("""{"ref":"third","messages":[{"role":"user","content":"hello"}],"options":{"llm":"required"}}"""));
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", new JsonObject { ["conversations"] = conversations }.ToJsonString());
        var id = accepted!["id"]!.GetValue<string>();
        await _client.WaitForBatchAsync(id, "completed");

        var jsonl = await _client.GetAsync($"/api/v1/analyze/batch/{id}/results");
        var csv = await _client.GetAsync($"/api/v1/analyze/batch/{id}/results?format=csv");
        var (wrong, problem, _) = await _client.GetJsonAsync($"/api/v1/analyze/batch/{id}/results?format=xml");

        Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);
        Assert.Equal($"attachment; filename=\"batch-{id}.jsonl\"", jsonl.Content.Headers.ContentDisposition!.ToString());
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["first", "second", "third"], lines.Select(l => l["ref"]!.GetValue<string>()));
        Assert.Equal("completed", lines[0]["status"]!.GetValue<string>());
        Assert.NotNull(lines[0]["result"]!["patterns"]);
        Assert.Equal("failed", lines[2]["status"]!.GetValue<string>());

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("ref,analysis_id,status,", rows[0]);
        Assert.StartsWith("third,", rows[3]);
        Assert.Contains("llm_unavailable", rows[3]);

        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("format"));
    }

    [Fact]
    public async Task An_unknown_batch_is_a_404_problem()
    {
        var (status, body, response) = await _client.GetJsonAsync($"/api/v1/analyze/batch/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
    }
}
