using StackExchange.Redis;

namespace Observatory.Messaging.Audit;

/// <summary>The consuming side of the audit stream (the ApiService writes what it reads to PostgreSQL).</summary>
public sealed class AuditStreamReader(RedisConnections redis)
{
    public Task EnsureGroupAsync() => StreamConsumerGroups.EnsureAsync(redis.Commands, AuditStreamFormat.Stream, AuditStreamFormat.ConsumerGroup);

    /// <summary>Up to <paramref name="entries"/> stream entries, each with the events it carries: entries not yet
    /// acknowledged by this consumer first (after a crash), then new ones. Unreadable entries are acknowledged
    /// and skipped.</summary>
    public async Task<AuditRead> ReadAsync(string consumer, int entries, TimeSpan block, bool pendingFirst)
    {
        var result = await (pendingFirst ? redis.Commands : redis.Blocking).ExecuteAsync("XREADGROUP",
            "GROUP", AuditStreamFormat.ConsumerGroup, consumer, "COUNT", entries, "BLOCK", (long)block.TotalMilliseconds,
            "STREAMS", AuditStreamFormat.Stream, pendingFirst ? "0" : ">");
        var read = new AuditRead([], []);
        if (result.IsNull) return read;
        var unreadable = new List<string>();
        foreach (var stream in (RedisResult[])result!)
        {
            foreach (var entry in (RedisResult[])((RedisResult[])stream!)[1]!)
            {
                var parts = (RedisResult[])entry!;
                var id = (string)parts[0]!;
                var events = parts[1].IsNull ? [] : AuditStreamFormat.Parse((RedisValue[])parts[1]!);
                if (events.Count == 0)
                {
                    unreadable.Add(id);
                    continue;
                }
                read.EntryIds.Add(id);
                read.Events.AddRange(events);
            }
        }
        await AcknowledgeAsync(unreadable); // nothing in them to keep
        return read;
    }

    /// <summary>Takes over entries another consumer read but has not acknowledged for <paramref name="minIdle"/> — an
    /// ApiService replica that died between reading and storing, whose name nobody will use again. They move into
    /// this consumer's pending list, where the next <see cref="ReadAsync"/> with <c>pendingFirst</c> finds them.
    /// Returns how many were taken.</summary>
    public async Task<int> ClaimAbandonedAsync(string consumer, TimeSpan minIdle, int entries) =>
        (await StreamConsumerGroups.ClaimIdleAsync(redis.Commands, AuditStreamFormat.Stream, AuditStreamFormat.ConsumerGroup, consumer, minIdle, entries)).Length;

    public Task AcknowledgeAsync(IReadOnlyCollection<string> ids) =>
        StreamConsumerGroups.AcknowledgeAndDeleteAsync(redis.Commands, AuditStreamFormat.Stream, AuditStreamFormat.ConsumerGroup, ids);
}

/// <summary>What one read of the audit stream returned: the entries to acknowledge once their events are stored.</summary>
public sealed record AuditRead(List<string> EntryIds, List<AuditEvent> Events);
