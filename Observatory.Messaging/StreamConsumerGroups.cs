using StackExchange.Redis;

namespace Observatory.Messaging;

/// <summary>The two consumer-group commands every Redis stream here shares (jobs and the audit trail).</summary>
public static class StreamConsumerGroups
{
    /// <summary>Creates the group, reading from the start ("0") so entries written before it existed — e.g. re-published
    /// after Redis lost its data — are not skipped. A group that is already there is the normal case.</summary>
    public static async Task EnsureAsync(IDatabase redis, string stream, string group)
    {
        try
        {
            await redis.ExecuteAsync("XGROUP", "CREATE", stream, group, "0", "MKSTREAM").ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>Takes over up to <paramref name="count"/> entries other consumers of the group read but left
    /// unacknowledged for at least <paramref name="minIdle"/> (XAUTOCLAIM), and returns them: a consumer that died
    /// between reading and finishing never comes back under the same name.</summary>
    public static async Task<RedisResult[]> ClaimIdleAsync(IDatabase redis, string stream, string group, string consumer, TimeSpan minIdle, int count)
    {
        var result = await redis.ExecuteAsync("XAUTOCLAIM", stream, group, consumer, (long)minIdle.TotalMilliseconds, "0-0", "COUNT", count)
            .ConfigureAwait(false);
        var parts = (RedisResult[])result!;
        return parts.Length < 2 ? [] : (RedisResult[])parts[1]!;
    }

    /// <summary>Acknowledges the entries and removes them: once handled they have no reason to stay in the stream.
    /// Pipelined: both commands leave before either reply is awaited.</summary>
    public static async Task AcknowledgeAndDeleteAsync(IDatabase redis, string stream, string group, IReadOnlyCollection<string> entryIds)
    {
        if (entryIds.Count == 0) return;
        var ack = new object[entryIds.Count + 2];
        var delete = new object[entryIds.Count + 1];
        ack[0] = delete[0] = stream;
        ack[1] = group;
        var i = 0;
        foreach (var id in entryIds)
        {
            ack[i + 2] = delete[i + 1] = id;
            i++;
        }
        await Task.WhenAll(redis.ExecuteAsync("XACK", ack), redis.ExecuteAsync("XDEL", delete)).ConfigureAwait(false);
    }
}
