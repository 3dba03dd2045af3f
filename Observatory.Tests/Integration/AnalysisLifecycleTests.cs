using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Integration;

public sealed class LifecycleStack() : InProcessStackFixture("lifecycle", withWorker: true);

/// <summary>CONTRACT §3 with the ApiService and a worker in process, on real PostgreSQL and Redis.</summary>
public sealed class AnalysisLifecycleTests(LifecycleStack fixture) : IClassFixture<LifecycleStack>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_submitted_conversation_completes_and_its_text_is_deleted()
    {
        var (status, accepted, response) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = accepted!["id"]!.GetValue<string>();
        Assert.Equal("queued", accepted["status"]!.GetValue<string>());
        Assert.Equal($"/api/v1/analyze/{id}", response.Headers.Location!.ToString());
        Assert.Equal($"/api/v1/analyze/{id}/cancel", accepted["links"]!["cancel"]!.GetValue<string>());

        var done = await _client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(20));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(1.0, done["progress"]!.GetValue<double>());
        Assert.Equal("Refund", done["title"]!.GetValue<string>());
        Assert.Equal("chat", done["metadata"]!["channel"]!.GetValue<string>());
        var result = done["result"]!;
        Assert.Equal(4, result["conversation"]!["messages"]!.GetValue<int>());
        Assert.Equal(36, result["conversation"]!["duration_seconds"]!.GetValue<double>());
        Assert.Equal(4, result["patterns"]!["dynamics"]!["turns"]!.GetValue<int>());
        Assert.NotNull(done["started_at"]);
        Assert.NotNull(done["completed_at"]);
        Assert.NotNull(done["expires_at"]);

        Assert.Equal(0, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "SELECT count(*) FROM analysis_payloads WHERE analysis_id = @id", Guid.Parse(id)));
    }

    [Fact]
    public async Task Wait_returns_the_finished_resource_in_the_same_request()
    {
        var (status, body, _) = await _client.PostJsonAsync("/api/v1/analyze?wait=20",
            """{"transcript":"[10:00] Human: Why is the sky blue?\n[10:01] AI: Rayleigh scattering of sunlight.\nShorter wavelengths scatter more.\n[10:02] Human: Thanks!"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", body!["status"]!.GetValue<string>());
        var participants = body["result"]!["conversation"]!["participants"]!.AsArray();
        Assert.Equal(["Human", "AI"], participants.Select(p => p!["speaker"]!.GetValue<string>()));
        Assert.Equal(3, body["result"]!["conversation"]!["messages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patterns_that_were_not_requested_are_null()
    {
        var (status, body, _) = await _client.PostJsonAsync("/api/v1/analyze?wait=20",
            """{"messages":[{"role":"user","content":"hello there"},{"role":"assistant","content":"hi"}],"options":{"patterns":["sentiment"]}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var patterns = body!["result"]!["patterns"]!.AsObject();
        Assert.True(patterns.ContainsKey("dynamics"));
        Assert.Null(patterns["dynamics"]);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var (status, body, response) = await _client.GetJsonAsync($"/api/v1/analyze/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Trace-Id").Single());
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_same_analysis_and_a_different_body_conflicts()
    {
        var key = $"order-{Guid.NewGuid():N}";
        HttpRequestMessage Request(string body)
        {
            var request = ApiCalls.JsonPost("/api/v1/analyze", body);
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await _client.SendJsonAsync(Request(SampleConversations.Small(1)));
        var second = await _client.SendJsonAsync(Request(SampleConversations.Small(1)));
        var different = await _client.SendJsonAsync(Request(SampleConversations.Small(2)));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(first.Body!["id"]!.GetValue<string>(), second.Body!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, different.Status);
        Assert.Equal(1, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "SELECT count(*) FROM analyses WHERE idempotency_key = @id", key));
    }

    [Fact]
    public async Task Events_stream_status_changes_then_the_final_resource()
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(3));
        var id = accepted!["id"]!.GetValue<string>();

        using var response = await _client.GetAsync($"/api/v1/analyze/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = new List<(string Type, JsonNode Data)>();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync(timeout.Token))
            events.Add((item.EventType, JsonNode.Parse(item.Data)!));

        Assert.Equal("status", events[0].Type);
        Assert.Equal("completed", events[^1].Type);
        Assert.Equal(id, events[^1].Data["id"]!.GetValue<string>());
        Assert.NotNull(events[^1].Data["result"]);
        Assert.Contains(events, e => e.Type == "status" && e.Data["status"]!.GetValue<string>() == "completed");
    }

    [Fact]
    public async Task Listing_needs_an_identity_and_pages_through_only_the_callers_own_analyses()
    {
        var alice = $"key:alice-{Guid.NewGuid():N}";
        var bob = $"key:bob-{Guid.NewGuid():N}";
        var aliceIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await _client.SendJsonAsync(ApiCalls.JsonPost("/api/v1/analyze", SampleConversations.Small(10 + i)).As(alice));
            aliceIds.Add(created.Body!["id"]!.GetValue<string>());
        }
        await _client.SendJsonAsync(ApiCalls.JsonPost("/api/v1/analyze", SampleConversations.Small(20)).As(bob));

        var anonymous = await _client.GetJsonAsync("/api/v1/analyze");
        var page1 = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/analyze?limit=2").As(alice));
        var cursor = page1.Body!["next_cursor"]!.GetValue<string>();
        var page2 = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze?limit=2&cursor={cursor}").As(alice));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        var listed = page1.Body["items"]!.AsArray().Concat(page2.Body!["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Reverse(aliceIds), listed);
        Assert.Null(page2.Body["next_cursor"]);
    }

    [Fact]
    public async Task Analyses_are_invisible_to_other_principals_but_public_ones_are_readable_by_id()
    {
        var owner = $"key:owner-{Guid.NewGuid():N}";
        var owned = await _client.SendJsonAsync(ApiCalls.JsonPost("/api/v1/analyze", SampleConversations.Small(30)).As(owner));
        var ownedId = owned.Body!["id"]!.GetValue<string>();
        var publicOne = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(31));
        var publicId = publicOne.Body!["id"]!.GetValue<string>();

        var byStranger = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{ownedId}").As("key:stranger"));
        var byPublic = await _client.GetJsonAsync($"/api/v1/analyze/{ownedId}");
        var cancelByStranger = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{ownedId}/cancel").As("key:stranger"));
        var byAdmin = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{ownedId}").As("admin", "admin"));
        var byOwner = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{ownedId}").As(owner));
        var publicByKey = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{publicId}").As("key:stranger"));

        Assert.Equal(HttpStatusCode.NotFound, byStranger.Status);
        Assert.Equal(HttpStatusCode.NotFound, byPublic.Status);
        Assert.Equal(HttpStatusCode.NotFound, cancelByStranger.Status);
        Assert.Equal(HttpStatusCode.OK, byAdmin.Status);
        Assert.Equal(HttpStatusCode.OK, byOwner.Status);
        Assert.Equal(HttpStatusCode.OK, publicByKey.Status);
    }

    [Fact]
    public async Task Identity_headers_without_a_valid_signature_are_ignored()
    {
        var forged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analyze").As("key:victim", secret: "not-the-gateway-secret");
        var unsigned = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analyze");
        unsigned.Headers.Add("X-Observatory-Principal", "key:victim");
        unsigned.Headers.Add("X-Observatory-Tier", "admin");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendJsonAsync(forged)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendJsonAsync(unsigned)).Status);
    }
}
