using Microsoft.Extensions.Logging.Abstractions;
using Observatory.Messaging;
using Observatory.Messaging.Audit;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Messaging.Audit;

/// <summary>The audit trail between the gateways and the ApiService (CONTRACT §7): every request recorded on the
/// request path arrives, in order, through a real Redis stream; nothing is lost when the reader crashes before
/// storing, or when the gateway stops with events still buffered.</summary>
public sealed class AuditTrailTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(redis.Server.ConnectionString);

    public async Task InitializeAsync() => await redis.Server.CommandAsync("DEL", AuditStreamFormat.Stream);

    public Task DisposeAsync()
    {
        _connections.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_recorded_request_arrives_in_order_in_a_few_stream_entries()
    {
        var trail = new BufferedAuditTrail(_connections, NullLogger<BufferedAuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);
        var sent = Enumerable.Range(0, 1_234).Select(Request).ToList();
        foreach (var e in sent) trail.Record(e);

        var reader = new AuditStreamReader(_connections);
        await reader.EnsureGroupAsync();
        var received = new List<AuditEvent>();
        var entries = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Count < sent.Count && DateTime.UtcNow < deadline)
        {
            var read = await reader.ReadAsync("test", 20, TimeSpan.FromMilliseconds(200), pendingFirst: false);
            received.AddRange(read.Events);
            entries += read.EntryIds.Count;
            await reader.AcknowledgeAsync(read.EntryIds);
        }
        await trail.StopAsync(CancellationToken.None);

        Assert.Equal(sent, received);
        // 1,234 requests recorded at once ship as a handful of entries (500 per entry), not one command per request.
        Assert.InRange(entries, 3, 10);
        Assert.StartsWith(":0", await redis.Server.CommandAsync("XLEN", AuditStreamFormat.Stream), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_buffered_when_the_gateway_stops_are_shipped_before_it_exits()
    {
        var sent = Enumerable.Range(0, 1_700).Select(Request).ToArray();
        var reader = await ShipAsync(sent);
        var read = await reader.ReadAsync("test", 100, TimeSpan.FromMilliseconds(200), pendingFirst: false);
        Assert.Equal(sent, read.Events);
    }

    [Fact]
    public async Task Entries_read_but_not_acknowledged_are_read_again_after_a_crash()
    {
        var reader = await ShipAsync(Request(1), Request(2));
        var first = await reader.ReadAsync("api-1", 20, TimeSpan.FromMilliseconds(200), pendingFirst: false);
        Assert.Equal([Request(1), Request(2)], first.Events);

        // The ApiService died before its COPY committed: on restart the same consumer re-reads what it held.
        var again = await reader.ReadAsync("api-1", 20, TimeSpan.FromMilliseconds(200), pendingFirst: true);
        Assert.Equal(first.Events, again.Events);
        await reader.AcknowledgeAsync(again.EntryIds);
        var afterAck = await reader.ReadAsync("api-1", 20, TimeSpan.FromMilliseconds(200), pendingFirst: true);
        Assert.Empty(afterAck.Events);
    }

    [Fact]
    public async Task Entries_a_dead_reader_held_are_taken_over_by_a_live_one_but_a_live_readers_are_not()
    {
        var reader = await ShipAsync(Request(1), Request(2));
        var held = await reader.ReadAsync("api-that-died", 20, TimeSpan.FromMilliseconds(200), pendingFirst: false);
        Assert.Equal(2, held.Events.Count);

        // Not idle long enough: a live replica may still be storing them.
        Assert.Equal(0, await reader.ClaimAbandonedAsync("api-live", TimeSpan.FromMinutes(2), 20));
        Assert.Empty((await reader.ReadAsync("api-live", 20, TimeSpan.FromMilliseconds(200), pendingFirst: true)).Events);

        await Task.Delay(300);
        Assert.Equal(1, await reader.ClaimAbandonedAsync("api-live", TimeSpan.FromMilliseconds(200), 20));
        var taken = await reader.ReadAsync("api-live", 20, TimeSpan.FromMilliseconds(200), pendingFirst: true);
        Assert.Equal(held.Events, taken.Events);
        await reader.AcknowledgeAsync(taken.EntryIds);
        Assert.StartsWith(":0", await redis.Server.CommandAsync("XLEN", AuditStreamFormat.Stream), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_event_entries_of_an_older_gateway_are_read_and_unreadable_entries_skipped()
    {
        await redis.Server.CommandAsync("XADD", AuditStreamFormat.Stream, "*", "e",
            """{"occurred_at":"2026-11-22T10:00:00+00:00","principal":"key:7","tier":"standard","key_prefix":"obs_ab12","client_ip":"10.0.0.9","method":"GET","path":"/api/v1/analyses","status":200,"resource_id":null,"trace_id":"0af7651916cd43dd8448eb211c80319c"}""");
        await redis.Server.CommandAsync("XADD", AuditStreamFormat.Stream, "*", "events", "not json");

        var reader = new AuditStreamReader(_connections);
        await reader.EnsureGroupAsync();
        var read = await reader.ReadAsync("test", 20, TimeSpan.FromMilliseconds(200), pendingFirst: false);

        var only = Assert.Single(read.Events);
        Assert.Equal(("key:7", "standard", "/api/v1/analyses", 200), (only.Principal, only.Tier, only.Path, only.Status));
        Assert.Single(read.EntryIds);
        // The unreadable entry was acknowledged on the spot: a restarted reader does not trip over it again.
        var pending = await reader.ReadAsync("test", 20, TimeSpan.FromMilliseconds(200), pendingFirst: true);
        Assert.Equal(read.EntryIds, pending.EntryIds);
    }

    /// <summary>A gateway records the requests and stops (shipping them); returns a reader on the stream.</summary>
    private async Task<AuditStreamReader> ShipAsync(params AuditEvent[] requests)
    {
        var trail = new BufferedAuditTrail(_connections, NullLogger<BufferedAuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);
        foreach (var request in requests) trail.Record(request);
        await trail.StopAsync(CancellationToken.None);
        var reader = new AuditStreamReader(_connections);
        await reader.EnsureGroupAsync();
        return reader;
    }

    private static AuditEvent Request(int n) => new(
        new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(n), $"key:{n % 7}", "standard", "obs_ab12",
        "127.0.0.1", "GET", $"/api/v1/analyze/{n}", 200, null, n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));
}
