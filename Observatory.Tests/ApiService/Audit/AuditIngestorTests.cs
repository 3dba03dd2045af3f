using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Observatory.ApiService.Audit;
using Observatory.Data;
using Observatory.Messaging;
using Observatory.Messaging.Audit;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Audit;

/// <summary>CONTRACT §7, every API request is recorded: whatever a client puts in its request line, the audit
/// trail keeps moving from Redis into PostgreSQL (real servers), instead of one odd request blocking it.</summary>
public sealed class AuditIngestorTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Requests_with_oversized_or_unencodable_values_are_stored_fitted_to_their_columns_with_the_rest()
    {
        var postgres = await PostgresServer.GetAsync();
        await using var services = DatabaseServices.For(await postgres.CreateDatabaseAsync("audit-ingest"));
        await DatabaseMigrator.MigrateAsync(services);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        using var connections = new RedisConnections(redis.Server.ConnectionString);

        var odd = Request(2) with
        {
            Method = new string('X', 40),                                  // a made-up method, longer than the column
            Path = "/api/v1/\0" + new string('a', 2039) + "\U0001F600tail", // NUL, and an emoji across the 2,048 cut
            ClientIp = "10.0.0.\ud800",                                    // a lone surrogate cannot be UTF-8
        };
        var trail = new BufferedAuditTrail(connections, NullLogger<BufferedAuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);
        foreach (var e in new[] { Request(1), odd, Request(3) }) trail.Record(e);
        await trail.StopAsync(CancellationToken.None);

        var ingestor = new AuditIngestor(new AuditStreamReader(connections), dataSource, TimeProvider.System, NullLogger<AuditIngestor>.Instance);
        await ingestor.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await CountAsync(dataSource) < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);
        }
        finally
        {
            await ingestor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(3, await CountAsync(dataSource));
        await using var read = dataSource.CreateCommand("SELECT method, path, client_ip FROM audit_log WHERE trace_id = @trace");
        read.Parameters.AddWithValue("trace", odd.TraceId!);
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(new string('X', 16), row.GetString(0));
        var path = row.GetString(1);
        Assert.Equal("/api/v1/" + new string('a', 2039), path); // the NUL gone, cut before the emoji rather than inside it
        Assert.Equal("10.0.0.\uFFFD", row.GetString(2));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE kind = 'request'");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static AuditEvent Request(int n) => new(
        DateTimeOffset.UtcNow, $"key:{n}", "standard", "obs_ab12", "127.0.0.1", "GET", $"/api/v1/analyze/{n}", 200, null,
        n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));
}
