using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;
using static Observatory.Tests.AnalysisWorker.Webhooks.WebhookTestKit;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>CONTRACT §5 for batches: the batch's callback hears once, with batch.completed carrying the finished
/// batch and its aggregate — not once per conversation.</summary>
public sealed class BatchWebhookTests(WebhookDeliveryStack fixture) : IClassFixture<WebhookDeliveryStack>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task A_finished_batch_is_announced_once_with_its_items_and_aggregate()
    {
        const string principal = "key:webhook-batch";
        var secret = await GiveSecretAsync(fixture.Stack.DatabaseConnectionString, principal);
        var body = new JsonObject
        {
            ["conversations"] = new JsonArray(SubjectConversations.Conversation("baking", 0, "a"), SubjectConversations.Conversation("taxes", 1, "b")),
            ["callback_url"] = _receiver.UrlFor("/batch"),
        };
        var (status, accepted, _) = await _client.SendJsonAsync(ApiCalls.JsonPost("/api/v1/analyze/batch", body.ToJsonString()).As(principal));
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = accepted!["id"]!.GetValue<string>();

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, id, Patience);
        var received = Assert.Single(_receiver.ReceivedAt("/batch"));

        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal("batch.completed", delivery["type"]!.GetValue<string>());
        Assert.Single(await DeliveriesAsync(_client, principal)); // no per-item events
        Assert.Equal(ExpectedSignature(secret, received.Id!, received.Timestamp!, received.Body), received.Signature);
        var data = JsonNode.Parse(received.Body)!["data"]!;
        Assert.Equal(id, data["id"]!.GetValue<string>());
        Assert.Equal("completed", data["status"]!.GetValue<string>());
        Assert.Equal(["a", "b"], data["items"]!.AsArray().Select(i => i!["ref"]!.GetValue<string>()));
        Assert.Equal(2, data["aggregate"]!["conversations"]!.GetValue<int>());
    }
}
