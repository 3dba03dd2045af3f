using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Observatory.AnalysisWorker.Retention;
using Observatory.Data;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker.Retention;

// No worker: rows are written at chosen moments in the past and the sweeper is driven by hand, on a clock the tests
// set. The API is told the same retention so its expires_at and 410 wording match.
public sealed class RetentionStack() : InProcessStackFixture("retention", withWorker: false, new Dictionary<string, string?>
{
    ["Observatory:Retention:Results"] = "01:00:00",
    ["Observatory:Retention:Metadata"] = "10.00:00:00",
})
{
    public static readonly TimeSpan Results = TimeSpan.FromHours(1);
    public static readonly TimeSpan Metadata = TimeSpan.FromDays(10);

    public StoredRows Rows { get; private set; } = null!;

    protected override Task OnStartedAsync()
    {
        Rows = new StoredRows(Stack.DatabaseConnectionString);
        return Task.CompletedTask;
    }

    protected override ValueTask OnStoppingAsync() => Rows.DisposeAsync();
}

/// <summary>CONTRACT §7 retention, enforced by the worker's sweeper: results expire after their last read (410),
/// metadata after creation (404), the audit trail after 365 days, each sweep is audited, and replicas never sweep
/// at the same time.</summary>
public sealed class RetentionSweeperTests(RetentionStack fixture) : IClassFixture<RetentionStack>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly StoredRows _rows = fixture.Rows;

    [Fact]
    public async Task A_result_never_read_is_deleted_Results_after_completion_and_then_answers_410_saying_when_and_why()
    {
        var now = DateTimeOffset.UtcNow;
        var owner = Principal("unread");
        var expired = await _rows.CompletedAsync(owner, now.AddHours(-2), now.AddHours(-2));
        var fresh = await _rows.CompletedAsync(owner, now.AddMinutes(-30), now.AddMinutes(-30));

        var report = await SweepAsync(now);

        Assert.NotNull(report);
        Assert.True(report.ResultsDeleted >= 1);
        var (status, body, response) = await GetAsync(expired, owner);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://observatory.dev/problems/gone", body!["type"]!.GetValue<string>());
        Assert.Equal(410, body["status"]!.GetValue<int>());
        var detail = body["detail"]!.GetValue<string>();
        Assert.Contains(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), detail);
        Assert.Contains("retention", detail);
        Assert.Contains("1 hour(s) after they were last read", detail);
        Assert.Null(body["result"]);
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM analyses WHERE id = @id AND result_json IS NULL AND result_deleted_at IS NOT NULL", ("id", expired)));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh, owner)).Status);
    }

    [Fact]
    public async Task Reading_a_result_restarts_its_retention_clock_and_expires_at_says_so()
    {
        var completed = DateTimeOffset.UtcNow.AddMinutes(-50);
        var owner = Principal("reader");
        var read = await _rows.CompletedAsync(owner, completed, completed);
        var unread = await _rows.CompletedAsync(owner, completed, completed);

        var firstRead = await GetAsync(read, owner);
        var lastReadAt = await _rows.ValueAsync<DateTime>("SELECT last_read_at FROM analyses WHERE id = @id", ("id", read));
        // 20 minutes on, both are 70 minutes past completion; only the read one was read within the hour.
        await SweepAsync(DateTimeOffset.UtcNow.AddMinutes(20));

        Assert.Equal(HttpStatusCode.OK, firstRead.Status);
        Assert.Equal(Stamp(new DateTimeOffset(lastReadAt, TimeSpan.Zero) + RetentionStack.Results), firstRead.Body!["expires_at"]!.GetValue<string>());
        var again = await GetAsync(read, owner);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.True(again.Body!["result"]!["seeded"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync(unread, owner)).Status);

        // An hour after that read, it goes too.
        await SweepAsync(new DateTimeOffset(lastReadAt, TimeSpan.Zero) + RetentionStack.Results + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync(read, owner)).Status);
    }

    [Fact]
    public async Task Metadata_older_than_Metadata_is_deleted_with_payloads_batches_and_deliveries_and_then_answers_404()
    {
        var now = DateTimeOffset.UtcNow;
        var old = now - RetentionStack.Metadata - TimeSpan.FromDays(1);
        var owner = Principal("metadata");
        await SweepAsync(now); // whatever earlier tests left behind, so the counts below are this test's own
        var oldCompleted = await _rows.CompletedAsync(owner, old, old.AddMinutes(1));
        var oldQueued = await _rows.QueuedAsync(owner, old);
        var oldBatch = await _rows.BatchAsync(owner, old);
        await _rows.CompletedAsync(owner, old, old.AddMinutes(1), batchId: oldBatch);
        // Created long ago but finished only now: its day is not rolled up into the insights yet, so it stays (and
        // so does its batch) until a later sweep.
        var lateBatch = await _rows.BatchAsync(owner, old);
        var lateItem = await _rows.CompletedAsync(owner, old, now.AddMinutes(-1), batchId: lateBatch);
        var freshBatch = await _rows.BatchAsync(owner, now.AddDays(-1));
        var fresh = await _rows.CompletedAsync(owner, now.AddDays(-1), now.AddDays(-1).AddMinutes(1), batchId: freshBatch, lastReadAt: now.AddMinutes(-5));
        await _rows.WebhookDeliveriesAsync(3, old);
        await _rows.WebhookDeliveriesAsync(1, now.AddDays(-1));

        var report = await SweepAsync(now);

        Assert.NotNull(report);
        Assert.Equal(3, report.AnalysesDeleted);
        Assert.Equal(1, report.BatchesDeleted);
        Assert.Equal(3, report.DeliveriesDeleted);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(oldCompleted, owner)).Status);
        var gone = await GetAsync(oldQueued, owner);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("https://observatory.dev/problems/not-found", gone.Body!["type"]!.GetValue<string>());
        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM analysis_payloads WHERE analysis_id = @id", ("id", oldQueued)));
        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM batches WHERE id = @id", ("id", oldBatch)));
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM batches WHERE id = @id", ("id", lateBatch)));
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM analyses WHERE id = @id", ("id", lateItem)));
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM batches WHERE id = @id", ("id", freshBatch)));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh, owner)).Status);
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM webhook_deliveries WHERE created_at > @cutoff", ("cutoff", now - RetentionStack.Metadata)));
    }

    [Fact]
    public async Task Every_sweep_is_audited_with_its_counts_and_shows_in_the_admin_audit_trail()
    {
        var now = DateTimeOffset.UtcNow;
        var old = now - RetentionStack.Metadata - TimeSpan.FromDays(1);
        var owner = Principal("audited");
        await SweepAsync(now);
        await _rows.CompletedAsync(owner, now.AddHours(-3), now.AddHours(-2));
        await _rows.CompletedAsync(owner, now.AddHours(-3), now.AddHours(-2));
        await _rows.EndedAsync(owner, "failed", old, old.AddMinutes(1));
        await _rows.BatchAsync(owner, old);
        await _rows.WebhookDeliveriesAsync(2, old);
        await _rows.AuditEntryAsync(now.AddDays(-400));
        await _rows.AuditEntryAsync(now.AddDays(-300));

        var report = await SweepAsync(now);

        Assert.NotNull(report);
        Assert.Equal((2, 1, 1, 2, 1), (report.ResultsDeleted, report.AnalysesDeleted, report.BatchesDeleted, report.DeliveriesDeleted, report.AuditDeleted));
        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM audit_log WHERE occurred_at < @cutoff", ("cutoff", now.AddDays(-365))));
        Assert.Equal(1, await _rows.CountAsync("SELECT count(*) FROM audit_log WHERE kind = 'request' AND occurred_at < @cutoff", ("cutoff", now.AddDays(-200))));

        var (status, page, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/audit?limit=1000").As("admin", "admin"));
        Assert.Equal(HttpStatusCode.OK, status);
        var entry = page!["items"]!.AsArray().Last(e => e!["kind"]!.GetValue<string>() == "retention")!;
        Assert.Equal(Stamp(now), entry["occurred_at"]!.GetValue<string>());
        var details = entry["details"]!;
        Assert.Equal(2, details["results_deleted"]!.GetValue<int>());
        Assert.Equal(1, details["analyses_deleted"]!.GetValue<int>());
        Assert.Equal(1, details["batches_deleted"]!.GetValue<int>());
        Assert.Equal(2, details["deliveries_deleted"]!.GetValue<int>());
        Assert.Equal(1, details["audit_deleted"]!.GetValue<int>());
        Assert.Equal(report.DaysRolledUp, details["days_rolled_up"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_sweep_does_nothing_while_another_replica_holds_the_sweep_lock()
    {
        var now = DateTimeOffset.UtcNow;
        var owner = Principal("locked");
        var expired = await _rows.CompletedAsync(owner, now.AddHours(-2), now.AddHours(-2));
        var auditedBefore = await RetentionAuditCountAsync();

        await using (var otherReplica = await _rows.DataSource.OpenConnectionAsync())
        {
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLock.RetentionSweep})", otherReplica);
            await take.ExecuteNonQueryAsync();

            Assert.Null(await SweepAsync(now));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(expired, owner, markRead: false)).Status);
            Assert.Equal(auditedBefore, await RetentionAuditCountAsync());

            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLock.RetentionSweep})", otherReplica);
            await release.ExecuteNonQueryAsync();
        }

        Assert.NotNull(await SweepAsync(now));
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync(expired, owner)).Status);
        Assert.Equal(auditedBefore + 1, await RetentionAuditCountAsync());
    }

    [Fact]
    public async Task Two_replicas_sweeping_at_once_delete_and_count_each_row_once()
    {
        var now = DateTimeOffset.UtcNow;
        await SweepAsync(now);
        await _rows.ManyCompletedAsync(40, Principal("concurrent"), now.AddHours(-2));
        var lastAuditId = await _rows.CountAsync("SELECT COALESCE(max(id), 0) FROM audit_log");

        var clock = new ManualTimeProvider(now);
        var reports = await Task.WhenAll(
            _rows.Sweeper(clock, RetentionStack.Results, RetentionStack.Metadata).SweepAsync(CancellationToken.None),
            _rows.Sweeper(clock, RetentionStack.Results, RetentionStack.Metadata).SweepAsync(CancellationToken.None));

        var ran = reports.OfType<RetentionSweepReport>().ToList();
        Assert.NotEmpty(ran);
        Assert.Equal(40, ran.Sum(r => r.ResultsDeleted));
        Assert.Equal(ran.Count, await _rows.CountAsync("SELECT count(*) FROM audit_log WHERE kind = 'retention' AND id > @after", ("after", lastAuditId)));
        Assert.Equal(40, await _rows.CountAsync(
            "SELECT COALESCE(sum((details_json->>'results_deleted')::int), 0) FROM audit_log WHERE kind = 'retention' AND id > @after", ("after", lastAuditId)));
    }

    [Fact]
    public async Task A_backlog_larger_than_one_chunk_is_cleared_by_one_sweep()
    {
        var now = DateTimeOffset.UtcNow;
        await SweepAsync(now);
        await _rows.ManyCompletedAsync(RetentionSweeper.ChunkSize * 2 + 500, Principal("backlog"), now.AddHours(-2));
        await _rows.WebhookDeliveriesAsync(RetentionSweeper.ChunkSize + 100, now - RetentionStack.Metadata - TimeSpan.FromDays(1));

        var report = await SweepAsync(now);

        Assert.NotNull(report);
        Assert.Equal(RetentionSweeper.ChunkSize * 2 + 500, report.ResultsDeleted);
        Assert.Equal(RetentionSweeper.ChunkSize + 100, report.DeliveriesDeleted);
        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM analyses WHERE result_json IS NOT NULL AND completed_at < @cutoff", ("cutoff", now - RetentionStack.Results)));
    }

    private Task<RetentionSweepReport?> SweepAsync(DateTimeOffset at) =>
        _rows.Sweeper(new ManualTimeProvider(at), RetentionStack.Results, RetentionStack.Metadata).SweepAsync(CancellationToken.None);

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(Guid id, string principal, bool markRead = true)
    {
        var response = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{id}").As(principal));
        // Reads restart the retention clock; a test that only peeks puts the stamp back.
        if (!markRead) await _rows.ExecuteAsync("UPDATE analyses SET last_read_at = NULL WHERE id = @id", ("id", id));
        return response;
    }

    private Task<long> RetentionAuditCountAsync() => _rows.CountAsync("SELECT count(*) FROM audit_log WHERE kind = 'retention'");

    private static string Principal(string name) => $"key:{name}-{Guid.NewGuid():N}";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
