using StackExchange.Redis;

namespace Observatory.Messaging.Audit;

/// <summary>The consuming side of the audit stream (the ApiService writes what it reads to PostgreSQL).</summary>
public sealed class AuditStreamReader(RedisConnections redis)
{
    public async Task EnsureGroupAsync()
    {
        try
        {
            await redis.Commands.ExecuteAsync("XGROUP", "CREATE", AuditStreamNames.Stream, AuditStreamNames.ConsumerGroup, "0", "MKSTREAM");
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Already there.
        }
    }

    /// <summary>Entries not yet acknowledged by this consumer first (after a crash), then new ones.</summary>
    public async Task<IReadOnlyList<(string Id, AuditEvent Event)>> ReadAsync(string consumer, int count, TimeSpan block, bool pendingFirst)
    {
        var result = await (pendingFirst ? redis.Commands : redis.Blocking).ExecuteAsync("XREADGROUP",
            "GROUP", AuditStreamNames.ConsumerGroup, consumer, "COUNT", count, "BLOCK", (long)block.TotalMilliseconds,
            "STREAMS", AuditStreamNames.Stream, pendingFirst ? "0" : ">");
        var events = new List<(string, AuditEvent)>();
        if (result.IsNull) return events;
        foreach (var stream in (RedisResult[])result!)
        {
            foreach (var entry in (RedisResult[])((RedisResult[])stream!)[1]!)
            {
                var parts = (RedisResult[])entry!;
                var id = (string)parts[0]!;
                var fields = parts[1].IsNull ? [] : (RedisValue[])parts[1]!;
                var parsed = fields.Length >= 2 ? AuditStreamNames.Parse(fields[1]) : null;
                if (parsed is not null) events.Add((id, parsed));
                else await AcknowledgeAsync([id]); // unreadable: nothing to keep
            }
        }
        return events;
    }

    public async Task AcknowledgeAsync(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return;
        var ack = new List<object> { AuditStreamNames.Stream, AuditStreamNames.ConsumerGroup };
        ack.AddRange(ids);
        var del = new List<object> { AuditStreamNames.Stream };
        del.AddRange(ids);
        await Task.WhenAll(redis.Commands.ExecuteAsync("XACK", ack.ToArray()), redis.Commands.ExecuteAsync("XDEL", del.ToArray()));
    }
}
