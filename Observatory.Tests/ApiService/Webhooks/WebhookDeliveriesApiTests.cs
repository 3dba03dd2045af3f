using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.AnalysisWorker.Webhooks;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Webhooks;

// No worker: events stay pending, exactly as the cancellation created them.
public sealed class DeliveryLogStack() : InProcessStackFixture("deliverylog", withWorker: false);

/// <summary>CONTRACT §5 GET /api/v1/webhooks/deliveries: the caller's own deliveries, newest first; events are created
/// with the cancellation that causes them, once, and only for a principal's own single analyses with a callback.</summary>
public sealed class WebhookDeliveriesApiTests(DeliveryLogStack fixture) : IClassFixture<DeliveryLogStack>
{
    private const string Callback = "http://127.0.0.1:9/hook";
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Each_principal_sees_only_its_own_deliveries_newest_first()
    {
        var first = await CancelledWithCallbackAsync("key:log-alice");
        var second = await CancelledWithCallbackAsync("key:log-alice");
        var bobs = await CancelledWithCallbackAsync("key:log-bob");

        var alice = await WebhookTestKit.DeliveriesAsync(_client, "key:log-alice");
        var bob = await WebhookTestKit.DeliveriesAsync(_client, "key:log-bob");

        Assert.Equal([second, first], alice.Select(d => d!["resource_id"]!.GetValue<string>()));
        Assert.Equal([bobs], bob.Select(d => d!["resource_id"]!.GetValue<string>()));
        Assert.Empty(await WebhookTestKit.DeliveriesAsync(_client, "key:log-carol"));
    }

    [Fact]
    public async Task A_delivery_shows_its_event_type_url_attempts_status_and_last_answer()
    {
        var id = await CancelledWithCallbackAsync("key:log-fields");

        var delivery = Assert.Single(await WebhookTestKit.DeliveriesAsync(_client, "key:log-fields"))!;

        Assert.StartsWith("evt_", delivery["event_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("analysis.cancelled", delivery["type"]!.GetValue<string>());
        Assert.Equal(id, delivery["resource_id"]!.GetValue<string>());
        Assert.Equal(Callback, delivery["url"]!.GetValue<string>());
        Assert.Equal(0, delivery["attempts"]!.GetValue<int>());
        Assert.Equal("pending", delivery["status"]!.GetValue<string>());
        Assert.Null(delivery["last_status_code"]);
        Assert.Null(delivery["delivered_at"]);
        Assert.EndsWith("Z", delivery["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_caps_the_list()
    {
        await CancelledWithCallbackAsync("key:log-limit");
        var newest = await CancelledWithCallbackAsync("key:log-limit");

        var page = await WebhookTestKit.DeliveriesAsync(_client, "key:log-limit", "?limit=1");

        Assert.Equal(newest, Assert.Single(page)!["resource_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task A_bad_limit_is_a_400_naming_limit(string limit)
    {
        var (status, body, _) = await _client.SendJsonAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/webhooks/deliveries?limit={limit}").As("key:log-bad-limit"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["limit"]);
    }

    [Fact]
    public async Task A_public_caller_is_told_to_authenticate()
    {
        var (status, body, _) = await _client.GetJsonAsync("/api/v1/webhooks/deliveries");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, body!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancelling_twice_or_without_a_callback_creates_no_extra_event()
    {
        const string principal = "key:log-once";
        var id = await CancelledWithCallbackAsync(principal);
        var (again, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel").As(principal));
        var plain = await SubmitAsync(principal, SampleConversations.Small(7));
        await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{plain}/cancel").As(principal));

        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal([id], (await WebhookTestKit.DeliveriesAsync(_client, principal)).Select(d => d!["resource_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_batch_item_is_not_announced_on_its_own()
    {
        const string principal = "key:log-batch-item";
        var id = await SubmitAsync(principal, WebhookTestKit.AnalysisBody(Callback));
        await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString,
            "WITH linked AS (UPDATE analyses SET batch_id = gen_random_uuid(), batch_index = 0 WHERE id = @id RETURNING 1) SELECT count(*) FROM linked", id);

        var (status, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel").As(principal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await WebhookTestKit.DeliveriesAsync(_client, principal));
    }

    private async Task<string> CancelledWithCallbackAsync(string principal)
    {
        var id = await SubmitAsync(principal, WebhookTestKit.AnalysisBody(Callback));
        var (status, _, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel").As(principal));
        Assert.Equal(HttpStatusCode.OK, status);
        return id;
    }

    private Task<string> SubmitAsync(string principal, string body) => WebhookTestKit.SubmitAcceptedAsync(_client, principal, body);
}
