using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;
using static Observatory.Tests.AnalysisWorker.Webhooks.WebhookTestKit;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>CONTRACT §5 "delivered at least once": an event claimed by a dispatcher that died mid-attempt is
/// delivered once the claim lapses; an analysis cancelled through the ApiService is announced from the
/// cancellation's own transaction. Each test starts the worker itself, after setting the scene.</summary>
public sealed class WebhookCrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private InProcessStack _stack = null!;
    private WebhookReceiver _receiver = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _stack = await InProcessStack.StartAsync("webhookcrash", withWorker: false, new Dictionary<string, string?>
        {
            ["Observatory:Webhooks:RetryDelays"] = "200ms,200ms",
            ["Observatory:Webhooks:Timeout"] = "00:00:03",
            ["Observatory:Webhooks:ClaimDuration"] = "00:00:10",
            ["Observatory:Webhooks:PollInterval"] = "00:00:00.2",
            ["Observatory:Webhooks:AllowPrivateNetworks"] = "true",
        });
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_through_the_api_creates_the_analysis_cancelled_event_in_the_same_transaction()
    {
        const string principal = "key:webhook-cancel";
        var secret = await GiveSecretAsync(_stack.DatabaseConnectionString, principal);
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/cancelled")));

        var (status, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel").As(principal));
        Assert.Equal(HttpStatusCode.OK, status);
        // Committed with the cancellation, before any worker exists to deliver it.
        var pending = Assert.Single(await DeliveriesAsync(_client, principal));
        Assert.Equal("analysis.cancelled", pending!["type"]!.GetValue<string>());
        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        Assert.Equal(0, pending["attempts"]!.GetValue<int>());

        _stack.StartWorker();
        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = Assert.Single(_receiver.ReceivedAt("/cancelled"));

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("analysis.cancelled", body["type"]!.GetValue<string>());
        Assert.Equal("cancelled", body["data"]!["status"]!.GetValue<string>());
        Assert.Equal(ExpectedSignature(secret, received.Id!, received.Timestamp!, received.Body), received.Signature);
    }

    [Fact]
    public async Task An_event_claimed_by_a_dispatcher_that_died_mid_attempt_is_still_delivered_under_the_same_id()
    {
        const string principal = "key:webhook-crash";
        await GiveSecretAsync(_stack.DatabaseConnectionString, principal);
        var id = await SubmitAcceptedAsync(_client, principal, AnalysisBody(_receiver.UrlFor("/crash")));
        await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel").As(principal));
        var eventId = Assert.Single(await DeliveriesAsync(_client, principal))!["event_id"]!.GetValue<string>();

        // What a dispatcher leaves behind when it dies after claiming: the attempt counted, the row pushed out by
        // its claim, no outcome recorded.
        await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString, """
            WITH claimed AS (
                UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now(), next_attempt_at = now() + interval '2 seconds'
                WHERE resource_id = @id RETURNING 1)
            SELECT count(*) FROM claimed
            """, id);

        _stack.StartWorker();
        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = Assert.Single(_receiver.ReceivedAt("/crash"));

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(eventId, received.Id);
    }
}
