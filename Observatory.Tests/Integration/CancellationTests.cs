using System.Net;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Integration;

/// <summary>CONTRACT §3 cancel: queued analyses cancel at once, terminal ones answer 409, and a worker that later
/// receives the job leaves the cancellation alone.</summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private InProcessStack _stack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stack = await InProcessStack.StartAsync("cancel", withWorker: false);
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_queued_analysis_is_cancelled_its_text_deleted_and_a_later_worker_does_not_run_it()
    {
        var (_, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        var id = accepted!["id"]!.GetValue<string>();

        var cancel = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel"));
        var again = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel"));

        Assert.Equal(HttpStatusCode.OK, cancel.Status);
        Assert.Equal("cancelled", cancel.Body!["status"]!.GetValue<string>());
        Assert.Equal(id, cancel.Body["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(0L, await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString, "SELECT count(*) FROM analysis_payloads WHERE analysis_id = @id", id));

        // The job was already on the stream; a worker that picks it up now must leave it cancelled.
        var (_, other, _) = await _client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(7));
        _stack.StartWorker();
        await _client.WaitForTerminalAsync(other!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(20));

        var (_, body, _) = await _client.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal("cancelled", body!["status"]!.GetValue<string>());
        Assert.Null(body["result"]);
        Assert.Equal(0L, await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString, "SELECT attempts::bigint FROM analyses WHERE id = @id", id));
    }

    [Fact]
    public async Task Cancelling_a_completed_analysis_is_a_409_and_an_unknown_one_a_404()
    {
        _stack.StartWorker();
        var (_, done, _) = await _client.PostJsonAsync("/api/v1/analyze?wait=20", SampleConversations.Small(8));
        var id = done!["id"]!.GetValue<string>();

        var cancel = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel"));
        var unknown = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{Guid.NewGuid()}/cancel"));

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, cancel.Status);
        Assert.Contains("completed", cancel.Body!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
