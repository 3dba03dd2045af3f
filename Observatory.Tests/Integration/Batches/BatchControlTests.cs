using System.Net;
using Npgsql;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Integration.Batches;

// No worker until a test starts one: items stay queued while the test acts on them.
public sealed class IdleBatchStack() : InProcessStackFixture("batch-control", withWorker: false, new Dictionary<string, string?>
{
    ["Observatory:Worker:Concurrency"] = "1",
    ["Observatory:Batches:FinalizeScanInterval"] = "00:00:01",
});

/// <summary>Cancelling a batch (CONTRACT §4): every unfinished item stops, the batch ends as cancelled.</summary>
public sealed class BatchCancellationTests(IdleBatchStack fixture) : IClassFixture<IdleBatchStack>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Cancelling_a_batch_cancels_every_queued_item_deletes_their_text_and_ends_the_batch()
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{SampleConversations.Small(1)}},{{SampleConversations.Small(2)}},{{SampleConversations.Small(3)}}]}""");
        var id = accepted!["id"]!.GetValue<string>();

        var (status, change, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{id}/cancel", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", change!["status"]!.GetValue<string>());
        Assert.Equal(3, change["affected"]!.GetValue<int>());
        var batch = (await _client.GetJsonAsync($"/api/v1/analyze/batch/{id}")).Body!;
        Assert.Equal("cancelled", batch["status"]!.GetValue<string>());
        Assert.Equal(3, batch["counts"]!["cancelled"]!.GetValue<int>());
        Assert.All(batch["items"]!.AsArray(), i => Assert.Equal("cancelled", i!["status"]!.GetValue<string>()));
        Assert.Equal(0, batch["aggregate"]!["conversations"]!.GetValue<int>());
        Assert.Equal(0L, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "SELECT count(*) FROM analysis_payloads p JOIN analyses a ON a.id = p.analysis_id WHERE a.batch_id = @id", Guid.Parse(id)));

        var (again, _, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{id}/cancel", "{}");
        Assert.Equal(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task A_cancel_that_arrives_after_every_item_finished_leaves_the_batch_completed()
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{SampleConversations.Small(7)}},{{SampleConversations.Small(8)}}]}""");
        var id = Guid.Parse(accepted!["id"]!.GetValue<string>());
        // The items finished (their results since removed) but the batch was not finalized yet when the cancel came.
        await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "WITH done AS (UPDATE analyses SET status = 'completed', completed_at = now() WHERE batch_id = @id RETURNING 1) SELECT count(*) FROM done", id);

        var (status, change, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{id}/cancel", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, change!["affected"]!.GetValue<int>());
        Assert.Equal("completed", change["status"]!.GetValue<string>());
        var batch = (await _client.GetJsonAsync($"/api/v1/analyze/batch/{id}")).Body!;
        Assert.Equal("completed", batch["status"]!.GetValue<string>());
        Assert.Equal(2, batch["aggregate"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancelling_or_reprioritizing_an_unknown_batch_is_a_404()
    {
        var (cancel, _, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{Guid.NewGuid()}/cancel", "{}");
        var (priority, _, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{Guid.NewGuid()}/priority", """{"priority":"high"}""");

        Assert.Equal(HttpStatusCode.NotFound, cancel);
        Assert.Equal(HttpStatusCode.NotFound, priority);
    }

    [Fact]
    public async Task An_unknown_priority_is_a_400_on_priority()
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze/batch", $$"""{"conversations":[{{SampleConversations.Small(4)}}]}""");

        var (status, problem, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{accepted!["id"]}/priority", """{"priority":"asap"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("priority"));
        await _client.PostJsonAsync($"/api/v1/analyze/batch/{accepted["id"]}/cancel", "{}");
    }
}

public sealed class IdlePriorityStack() : InProcessStackFixture("batch-priority", withWorker: false, new Dictionary<string, string?>
{
    ["Observatory:Worker:Concurrency"] = "1",
    ["Observatory:Batches:FinalizeScanInterval"] = "00:00:01",
});

/// <summary>Priorities (CONTRACT §4): high items run before normal and low ones queued earlier, and /priority moves
/// a batch's queued items.</summary>
public sealed class BatchPriorityTests(IdlePriorityStack fixture) : IClassFixture<IdlePriorityStack>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_batch_moved_to_high_runs_before_a_normal_batch_queued_earlier_and_each_item_runs_once()
    {
        var (_, normal, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{SampleConversations.Small(1)}},{{SampleConversations.Small(2)}},{{SampleConversations.Small(3)}}]}""");
        var (_, low, _) = await _client.PostJsonAsync("/api/v1/analyze/batch",
            $$"""{"conversations":[{{SampleConversations.Small(4)}},{{SampleConversations.Small(5)}},{{SampleConversations.Small(6)}}],"priority":"low"}""");
        var normalId = Guid.Parse(normal!["id"]!.GetValue<string>());
        var lowId = Guid.Parse(low!["id"]!.GetValue<string>());
        await Task.Delay(1500); // let the outbox relay publish both to their streams first

        var (status, change, _) = await _client.PostJsonAsync($"/api/v1/analyze/batch/{lowId}/priority", """{"priority":"high"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("high", change!["priority"]!.GetValue<string>());
        Assert.Equal(3, change["affected"]!.GetValue<int>());
        await Task.Delay(1500);

        fixture.Stack.StartWorker();
        await _client.WaitForBatchAsync(lowId.ToString(), "completed");
        await _client.WaitForBatchAsync(normalId.ToString(), "completed");
        await fixture.Stack.StopWorkerAsync();

        var lastMoved = await TimeAsync("SELECT max(started_at) FROM analyses WHERE batch_id = @id", lowId);
        var firstNormal = await TimeAsync("SELECT min(started_at) FROM analyses WHERE batch_id = @id", normalId);
        Assert.True(lastMoved <= firstNormal, $"moved items started until {lastMoved:O}, normal items from {firstNormal:O}");
        Assert.Equal(1L, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString, "SELECT max(attempts)::bigint FROM analyses WHERE batch_id = @id", lowId));
        Assert.Equal("high", (await _client.GetJsonAsync($"/api/v1/analyze/batch/{lowId}")).Body!["priority"]!.GetValue<string>());
    }

    private async Task<DateTime> TimeAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }
}
