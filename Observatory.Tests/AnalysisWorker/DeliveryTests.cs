using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker;

/// <summary>The worker's delivery guarantees: duplicates never produce a second run, entries abandoned by a dead
/// consumer are reclaimed, and entries that keep failing become poison.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private InProcessStack _stack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stack = await InProcessStack.StartAsync("delivery", withWorker: false, new Dictionary<string, string?>
        {
            ["Observatory:Queue:MaxDeliveries"] = "2",
            // The stalled-job sweeper would re-publish these jobs and race the delivery paths under test.
            ["Observatory:Queueing:StalledAfter"] = "00:10:00",
        });
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_job_published_twice_runs_once()
    {
        var id = await SubmitAsync(SampleConversations.Small(1));
        await WaitForStreamLengthAsync(1);
        // The same job again, as a relay crash between publishing and committing would leave it.
        await _stack.Redis.CommandAsync("XADD", "observatory:jobs:normal", "*", "analysis_id", id, "traceparent", "", "priority", "normal");

        _stack.StartWorker();
        var done = await _client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(20));
        await WaitUntilAsync(async () => await StreamLengthAsync() == 0, "both entries acknowledged");

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(1L, await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString, "SELECT attempts::bigint FROM analyses WHERE id = @id", id));
    }

    [Fact]
    public async Task An_entry_left_pending_by_a_dead_consumer_is_reclaimed_and_completed()
    {
        var id = await SubmitAsync(SampleConversations.Small(2));
        await WaitForStreamLengthAsync(1);
        await EnsureGroupAsync();
        // A consumer that reads the entry and dies without acknowledging it.
        var read = await _stack.Redis.CommandAsync("XREADGROUP", "GROUP", "analysis-workers", "ghost", "COUNT", "10", "STREAMS", "observatory:jobs:normal", ">");
        Assert.Contains(id, read);

        _stack.StartWorker();
        var done = await _client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal("completed", done["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_entry_delivered_more_than_the_limit_fails_as_poison_and_is_dead_lettered()
    {
        var id = await SubmitAsync(SampleConversations.Small(3));
        await WaitForStreamLengthAsync(1);
        await EnsureGroupAsync();
        // Two deliveries that never finished (the limit is 2); the worker's reclaim would be the third.
        await _stack.Redis.CommandAsync("XREADGROUP", "GROUP", "analysis-workers", "ghost-1", "COUNT", "10", "STREAMS", "observatory:jobs:normal", ">");
        await Task.Delay(50);
        await _stack.Redis.CommandAsync("XCLAIM", "observatory:jobs:normal", "analysis-workers", "ghost-2", "0", await FirstEntryIdAsync());

        _stack.StartWorker();
        var done = await _client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("poison", done["error"]!["code"]!.GetValue<string>());
        Assert.Null(done["result"]);
        Assert.Contains(":1", await _stack.Redis.CommandAsync("XLEN", "observatory:jobs:dead"));
    }

    private async Task<string> SubmitAsync(string body)
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", body);
        return accepted!["id"]!.GetValue<string>();
    }

    private async Task EnsureGroupAsync()
    {
        var reply = await _stack.Redis.CommandAsync("XGROUP", "CREATE", "observatory:jobs:normal", "analysis-workers", "0", "MKSTREAM");
        Assert.True(reply.StartsWith("+OK", StringComparison.Ordinal) || reply.Contains("BUSYGROUP", StringComparison.Ordinal), reply);
    }

    private async Task<string> FirstEntryIdAsync()
    {
        var reply = await _stack.Redis.CommandAsync("XRANGE", "observatory:jobs:normal", "-", "+", "COUNT", "1");
        return reply.Split("\r\n").First(line => line.Contains('-') && char.IsDigit(line[0]));
    }

    private async Task<long> StreamLengthAsync() =>
        long.Parse((await _stack.Redis.CommandAsync("XLEN", "observatory:jobs:normal")).TrimStart(':').Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private Task WaitForStreamLengthAsync(long length) => WaitUntilAsync(async () => await StreamLengthAsync() >= length, $"{length} entries on the stream");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
