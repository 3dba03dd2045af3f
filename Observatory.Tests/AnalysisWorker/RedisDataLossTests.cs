using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker;

/// <summary>PostgreSQL, not Redis, knows what still has to run: jobs Redis forgot are re-published by the
/// stalled-job sweeper.</summary>
public sealed class RedisDataLossTests : IAsyncLifetime
{
    private InProcessStack _stack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stack = await InProcessStack.StartAsync("redis-loss", withWorker: false, new Dictionary<string, string?>
        {
            ["Observatory:Queueing:StalledAfter"] = "00:00:02",
            ["Observatory:Queueing:StalledSweepInterval"] = "00:00:00.500",
        });
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Jobs_survive_redis_losing_all_its_data()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(100 + i));
            ids.Add(accepted!["id"]!.GetValue<string>());
        }

        // Only once every job is on the stream does flushing lose them (rather than the relay publishing late).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await _stack.Redis.CommandAsync("XLEN", "observatory:jobs:normal")).StartsWith(":5", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        await _stack.Redis.CommandAsync("FLUSHALL");
        _stack.StartWorker();

        foreach (var id in ids)
            Assert.Equal("completed", (await _client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(30)))["status"]!.GetValue<string>());
    }
}
