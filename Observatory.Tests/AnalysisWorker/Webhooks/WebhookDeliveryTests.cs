using System.Diagnostics;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;
using static Observatory.Tests.AnalysisWorker.Webhooks.WebhookTestKit;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>ApiService and worker in process on real PostgreSQL and Redis, a real receiver on a loopback port, and a
/// test-scale schedule: three retries 200 ms apart (four attempts), a 3 s timeout.</summary>
public sealed class WebhookDeliveryStack : IAsyncLifetime
{
    public const int MaxAttempts = 4;

    public InProcessStack Stack { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Stack = await InProcessStack.StartAsync("webhookdelivery", withWorker: true, new Dictionary<string, string?>
        {
            ["Observatory:Webhooks:RetryDelays"] = "200ms,00:00:00.2,200ms",
            ["Observatory:Webhooks:Timeout"] = "00:00:03",
            ["Observatory:Webhooks:ClaimDuration"] = "00:00:10",
            ["Observatory:Webhooks:PollInterval"] = "00:00:00.2",
            ["Observatory:Webhooks:AllowPrivateNetworks"] = "true", // the receiver is on 127.0.0.1 over plain http
        });
        Client = Stack.Api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>CONTRACT §5: terminal analyses are announced to their callback, signed with the principal's secret
/// (Standard Webhooks), retried on the schedule under the same webhook-id, dead after the last attempt; redirects
/// are not followed and a receiver slower than the timeout is tried again.</summary>
public sealed class WebhookDeliveryTests(WebhookDeliveryStack fixture) : IClassFixture<WebhookDeliveryStack>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;
    private readonly string _database = fixture.Stack.DatabaseConnectionString;

    [Fact]
    public async Task A_completed_analysis_is_announced_once_with_its_resource_signed_with_the_principals_secret()
    {
        const string principal = "key:webhook-completed";
        var secret = await GiveSecretAsync(_database, principal);
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/completed")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = Assert.Single(_receiver.ReceivedAt("/completed"));

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["last_status_code"]!.GetValue<int>());
        Assert.Equal("analysis.completed", delivery["type"]!.GetValue<string>());
        Assert.Equal(_receiver.UrlFor("/completed"), delivery["url"]!.GetValue<string>());
        Assert.NotNull(delivery["delivered_at"]);

        Assert.StartsWith("evt_", received.Id, StringComparison.Ordinal);
        Assert.Equal(delivery["event_id"]!.GetValue<string>(), received.Id);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(ExpectedSignature(secret, received.Id!, received.Timestamp!, received.Body), received.Signature);
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal(received.Id, body["id"]!.GetValue<string>());
        Assert.Equal("analysis.completed", body["type"]!.GetValue<string>());
        Assert.EndsWith("Z", body["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        var data = body["data"]!.AsObject();
        Assert.Equal(id, data["id"]!.GetValue<string>());
        Assert.Equal("completed", data["status"]!.GetValue<string>());
        Assert.NotNull(data["result"]);

        // data is the resource as GET returns it (expires_at aside: reading it restarts the retention clock).
        var (_, resource, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{id}").As(principal));
        var expected = resource!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), data.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected.Where(p => p.Key != "expires_at"))
            Assert.True(JsonNode.DeepEquals(value, data[name]), $"data.{name} differs from the GET: {data[name]?.ToJsonString()} vs {value?.ToJsonString()}");
    }

    [Fact]
    public async Task A_failed_analysis_is_announced_as_analysis_failed()
    {
        const string principal = "key:webhook-failed";
        var secret = await GiveSecretAsync(_database, principal);
        // llm "required" with no language model configured fails the analysis.
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/failed"), llm: "required"));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = Assert.Single(_receiver.ReceivedAt("/failed"));

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("analysis.failed", body["type"]!.GetValue<string>());
        Assert.Equal("failed", body["data"]!["status"]!.GetValue<string>());
        Assert.Equal("llm_unavailable", body["data"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(ExpectedSignature(secret, received.Id!, received.Timestamp!, received.Body), received.Signature);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_same_event_again_and_takes_it_at_the_third_attempt()
    {
        const string principal = "key:webhook-flaky";
        var secret = await GiveSecretAsync(_database, principal);
        _receiver.Script("/flaky", n => new ReceiverReply(n switch { 1 => 500, 2 => 503, _ => 204 }));
        var attempts = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Observatory.Webhooks",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = attempts.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/flaky")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = _receiver.ReceivedAt("/flaky");
        var eventId = delivery["event_id"]!.GetValue<string>();
        var traced = await WaitForAsync(() => attempts.Where(a => (string?)a.GetTagItem("webhook.event_id") == eventId).ToList(), found => found.Count >= 3);

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(204, delivery["last_status_code"]!.GetValue<int>());
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(delivery["event_id"]!.GetValue<string>(), r.Id));
        Assert.All(received, r => Assert.Equal(received[0].Body, r.Body));
        Assert.All(received, r => Assert.Equal(ExpectedSignature(secret, r.Id!, r.Timestamp!, r.Body), r.Signature));
        // One activity per attempt on the Observatory.Webhooks source.
        Assert.Equal(["retrying", "retrying", "delivered"], traced.Select(a => (string?)a.GetTagItem("webhook.outcome")));
        Assert.Equal([1, 2, 3], traced.Select(a => (int)a.GetTagItem("webhook.attempt")!));
        Assert.Equal([500, 503, 204], traced.Select(a => (int)a.GetTagItem("http.response.status_code")!));
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = read();
        }
        return value;
    }

    [Fact]
    public async Task A_receiver_that_always_fails_makes_the_delivery_dead_after_the_last_attempt()
    {
        const string principal = "key:webhook-down";
        await GiveSecretAsync(_database, principal);
        _receiver.Script("/down", _ => new ReceiverReply(500));
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/down")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);

        Assert.Equal("dead", delivery["status"]!.GetValue<string>());
        Assert.Equal(WebhookDeliveryStack.MaxAttempts, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(500, delivery["last_status_code"]!.GetValue<int>());
        Assert.Null(delivery["delivered_at"]);
        Assert.Equal(WebhookDeliveryStack.MaxAttempts, _receiver.ReceivedAt("/down").Count);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt()
    {
        const string principal = "key:webhook-redirect";
        await GiveSecretAsync(_database, principal);
        _receiver.Script("/moved", _ => new ReceiverReply(307, Location: _receiver.UrlFor("/moved-here")));
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/moved")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);

        Assert.Equal("dead", delivery["status"]!.GetValue<string>());
        Assert.Equal(307, delivery["last_status_code"]!.GetValue<int>());
        Assert.Contains("redirect", delivery["last_error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WebhookDeliveryStack.MaxAttempts, _receiver.ReceivedAt("/moved").Count);
        Assert.Empty(_receiver.ReceivedAt("/moved-here"));
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_tried_again()
    {
        const string principal = "key:webhook-slow";
        var secret = await GiveSecretAsync(_database, principal);
        // The first answer would come long after the 3 s timeout; the second comes at once.
        _receiver.Script("/slow", n => n == 1 ? new ReceiverReply(200, Delay: TimeSpan.FromSeconds(20)) : new ReceiverReply(200));
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/slow")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = _receiver.ReceivedAt("/slow");

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Id, received[1].Id);
        Assert.Equal(ExpectedSignature(secret, received[1].Id!, received[1].Timestamp!, received[1].Body), received[1].Signature);
    }

    [Fact]
    public async Task A_principal_without_a_webhook_secret_gets_nothing_unsigned()
    {
        const string principal = "key:webhook-no-secret";
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/unsigned")));

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);

        Assert.Equal("dead", delivery["status"]!.GetValue<string>());
        Assert.Contains("webhook secret", delivery["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_receiver.ReceivedAt("/unsigned"));
    }
}
