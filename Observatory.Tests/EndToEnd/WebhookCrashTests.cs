using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Observatory.Tests.AnalysisWorker.Webhooks;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd;

/// <summary>CONTRACT §5 with real processes: a worker killed (SIGKILL) while its webhook attempt is in flight loses
/// nothing — another worker delivers the same event, under the same webhook-id, signed with the same secret.</summary>
public sealed class WebhookCrashTests
{
    [Fact]
    public async Task A_worker_killed_mid_delivery_leaves_the_event_to_the_next_worker_under_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The first attempt hangs (the worker is killed meanwhile); later ones are answered at once.
        receiver.Script("/hook", attempt => attempt == 1 ? new ReceiverReply(200, TimeSpan.FromSeconds(30)) : new ReceiverReply(200));
        await using var stack = await ServiceStack.StartAsync("e2e-webhook-crash", new Dictionary<string, string?>
        {
            ["Observatory__Webhooks__Timeout"] = "00:00:05",
            ["Observatory__Webhooks__ClaimDuration"] = "00:00:06",
            ["Observatory__Webhooks__PollInterval"] = "00:00:00.2",
        });
        using var admin = new HttpClient { BaseAddress = stack.Gateway.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceStack.AdminKey);
        var (_, key, _) = await admin.PostJsonAsync("/admin/api-keys", """{"name":"webhook crash","tier":"standard"}""");
        using var client = new HttpClient { BaseAddress = stack.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key!["key"]!.GetValue<string>());

        var (status, accepted, _) = await client.PostJsonAsync("/api/v1/analyze", WebhookTestKit.AnalysisBody(receiver.UrlFor("/hook")));
        Assert.Equal(HttpStatusCode.Accepted, status);
        var first = (await receiver.WaitForAsync("/hook", 1, TimeSpan.FromSeconds(30)))[0];

        await stack.Workers[0].KillAsync(); // SIGKILL while the receiver is still holding the first attempt
        await stack.StartWorkerAsync();
        var both = await receiver.WaitForAsync("/hook", 2, TimeSpan.FromSeconds(60));

        var second = both[1];
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Body, second.Body);
        var secret = key["webhook_secret"]!.GetValue<string>();
        Assert.Equal(WebhookTestKit.ExpectedSignature(secret, second.Id!, second.Timestamp!, second.Body), second.Signature);
        var id = accepted!["id"]!.GetValue<string>();
        JsonNode? delivery = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var (_, log, _) = await client.GetJsonAsync("/api/v1/webhooks/deliveries");
            delivery = log!["items"]!.AsArray().FirstOrDefault(d => d!["resource_id"]!.GetValue<string>() == id);
            if (delivery?["status"]!.GetValue<string>() == "delivered") break;
        }
        Assert.Equal("delivered", delivery?["status"]!.GetValue<string>());
        Assert.Equal(2, delivery!["attempts"]!.GetValue<int>());
    }
}
