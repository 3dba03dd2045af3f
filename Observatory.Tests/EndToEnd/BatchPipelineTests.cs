using System.Net;
using System.Text.Json.Nodes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd;

/// <summary>A batch through the gateway and real processes (CONTRACT §4): accepted whole, analysed by the worker,
/// finalized with an aggregate that tells subjects apart — even when the worker dies halfway.</summary>
public sealed class BatchPipelineTests
{
    [Fact]
    public async Task A_batch_survives_a_worker_crash_and_ends_with_an_aggregate_that_separates_subjects()
    {
        await using var stack = await ServiceStack.StartAsync("e2e-batch");
        var client = stack.Client;
        var conversations = new JsonArray();
        foreach (var subject in new[] { "baking", "taxes", "football" })
            for (var seed = 0; seed < 8; seed++)
                conversations.Add(SubjectConversations.Conversation(subject, seed, $"{subject}-{seed}"));

        var (status, accepted, _) = await client.PostJsonAsync("/api/v1/analyze/batch",
            new JsonObject { ["conversations"] = conversations, ["priority"] = "high" }.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = accepted!["id"]!.GetValue<string>();

        // Kill the worker as soon as it has started on the batch; a new one must finish every item exactly once.
        await WaitUntilAsync(async () => (await client.GetJsonAsync($"/api/v1/analyze/batch/{id}")).Body?["counts"]?["queued"]?.GetValue<int>() < 24,
            TimeSpan.FromSeconds(30), stack.Logs);
        await stack.Workers[0].KillAsync(); // SIGKILL: its claimed items are reclaimed after their lease
        await stack.StartWorkerAsync();

        JsonNode? batch = null;
        await WaitUntilAsync(async () =>
        {
            batch = (await client.GetJsonAsync($"/api/v1/analyze/batch/{id}")).Body;
            return batch?["status"]?.GetValue<string>() == "completed";
        }, TimeSpan.FromSeconds(90), stack.Logs);

        Assert.Equal(24, batch!["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal("high", batch["priority"]!.GetValue<string>());
        var clusters = batch["aggregate"]!["clusters"]!.AsArray();
        Assert.Equal(3, clusters.Count);
        Assert.All(clusters, cluster =>
        {
            var refs = cluster!["refs"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            Assert.Equal(8, refs.Count);
            Assert.Single(refs.Select(r => r.Split('-')[0]).Distinct());
        });
        Assert.Equal(24L, await DatabaseQueries.ScalarAsync(stack.DatabaseConnectionString,
            "SELECT count(*) FROM analyses WHERE batch_id = @id AND result_json IS NOT NULL", Guid.Parse(id)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Condition not met in {timeout}.\n{diagnostics()}");
    }
}
