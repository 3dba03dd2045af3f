using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Observatory.Messaging;

/// <summary>The job queue on Redis streams with one consumer group. StackExchange.Redis 1.2.6 has no stream API,
/// so every command goes through <c>ExecuteAsync</c> here and nowhere else: moving to a client with typed stream
/// calls is a change to this file only.</summary>
public sealed class RedisJobStream(RedisConnections redis, IOptions<JobStreamOptions> options)
{
    private readonly JobStreamOptions _options = options.Value;

    public async Task PublishAsync(JobEnvelope job)
    {
        await redis.Commands.ExecuteAsync("XADD",
            _options.StreamFor(job.Priority), "MAXLEN", "~", _options.MaxStreamLength.ToString(CultureInfo.InvariantCulture), "*",
            "analysis_id", job.AnalysisId.ToString("D"),
            "traceparent", job.TraceParent ?? "",
            "priority", job.Priority.ToWire()).ConfigureAwait(false);
    }

    /// <summary>Creates the consumer group on every priority stream.</summary>
    public async Task EnsureConsumerGroupAsync()
    {
        foreach (var priority in JobPriorities.InPickOrder)
            await StreamConsumerGroups.EnsureAsync(redis.Commands, _options.StreamFor(priority), _options.ConsumerGroup).ConfigureAwait(false);
    }

    /// <summary>Reads up to <paramref name="count"/> new entries, highest priority first. Only the last, lowest
    /// priority read blocks, on the dedicated blocking connection so it never stalls other commands.</summary>
    public async Task<IReadOnlyList<JobDelivery>> ReadNewAsync(string consumer, int count, TimeSpan block)
    {
        var deliveries = new List<JobDelivery>(count);
        foreach (var priority in JobPriorities.InPickOrder)
        {
            var remaining = count - deliveries.Count;
            if (remaining <= 0) break;
            deliveries.AddRange(await ReadGroupAsync(consumer, remaining, priority).ConfigureAwait(false));
        }
        if (deliveries.Count > 0 || block <= TimeSpan.Zero) return deliveries;

        // Nothing anywhere: wait on all streams at once until something arrives.
        var args = new List<object> { "GROUP", _options.ConsumerGroup, consumer, "COUNT", count, "BLOCK", (long)block.TotalMilliseconds, "STREAMS" };
        foreach (var priority in JobPriorities.InPickOrder) args.Add(_options.StreamFor(priority));
        foreach (var _ in JobPriorities.InPickOrder) args.Add(">");
        var result = await redis.Blocking.ExecuteAsync("XREADGROUP", args.ToArray()).ConfigureAwait(false);
        return ParseReadResult(result, deliveryCount: 1);
    }

    private async Task<IReadOnlyList<JobDelivery>> ReadGroupAsync(string consumer, int count, JobPriority priority)
    {
        var result = await redis.Commands.ExecuteAsync("XREADGROUP",
            "GROUP", _options.ConsumerGroup, consumer, "COUNT", count, "STREAMS", _options.StreamFor(priority), ">").ConfigureAwait(false);
        return ParseReadResult(result, deliveryCount: 1);
    }

    /// <summary>Takes over entries another consumer left unacknowledged for longer than the claim idle time
    /// (XAUTOCLAIM), and reports how often each has now been delivered (XPENDING).</summary>
    public async Task<IReadOnlyList<JobDelivery>> ClaimAbandonedAsync(string consumer, int count)
    {
        var claimed = new List<JobDelivery>();
        foreach (var priority in JobPriorities.InPickOrder)
        {
            var stream = _options.StreamFor(priority);
            var taken = await StreamConsumerGroups.ClaimIdleAsync(redis.Commands, stream, _options.ConsumerGroup, consumer, _options.ClaimIdleTime, count)
                .ConfigureAwait(false);
            var entries = ParseEntries(stream, taken, deliveryCount: 0);
            if (entries.Count == 0) continue;

            var counts = await DeliveryCountsAsync(stream, consumer, entries[0].EntryId, entries[^1].EntryId, entries.Count).ConfigureAwait(false);
            claimed.AddRange(entries.Select(e => e with { DeliveryCount = counts.GetValueOrDefault(e.EntryId, 1) }));
        }
        return claimed;
    }

    private async Task<Dictionary<string, long>> DeliveryCountsAsync(string stream, string consumer, string first, string last, int count)
    {
        var result = await redis.Commands.ExecuteAsync("XPENDING", stream, _options.ConsumerGroup, first, last, count, consumer).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in (RedisResult[])result!)
        {
            var fields = (RedisResult[])row!;
            counts[(string)fields[0]!] = (long)fields[3];
        }
        return counts;
    }

    /// <summary>Acknowledges and removes the entry: a finished job has no reason to stay in the stream.</summary>
    public Task AcknowledgeAsync(JobDelivery delivery) => StreamConsumerGroups.AcknowledgeAndDeleteAsync(
        redis.Commands, _options.StreamFor(delivery.Job.Priority), _options.ConsumerGroup, [delivery.EntryId]);

    /// <summary>Puts a delivery back on its stream for any consumer (a fresh entry), then removes the original.
    /// Used for entries a stopping consumer received but never started.</summary>
    public async Task HandBackAsync(JobDelivery delivery)
    {
        await PublishAsync(delivery.Job).ConfigureAwait(false);
        await AcknowledgeAsync(delivery).ConfigureAwait(false);
    }

    public async Task DeadLetterAsync(JobDelivery delivery, string reason)
    {
        await redis.Commands.ExecuteAsync("XADD", _options.DeadLetterStream, "MAXLEN", "~", "100000", "*",
            "analysis_id", delivery.Job.AnalysisId.ToString("D"),
            "entry_id", delivery.EntryId,
            "priority", delivery.Job.Priority.ToWire(),
            "deliveries", delivery.DeliveryCount,
            "reason", reason).ConfigureAwait(false);
        await AcknowledgeAsync(delivery).ConfigureAwait(false);
    }

    public async Task<long> LengthAsync(JobPriority priority) =>
        (long)await redis.Commands.ExecuteAsync("XLEN", _options.StreamFor(priority)).ConfigureAwait(false);

    private IReadOnlyList<JobDelivery> ParseReadResult(RedisResult result, long deliveryCount)
    {
        if (result.IsNull) return [];
        var deliveries = new List<JobDelivery>();
        foreach (var streamResult in (RedisResult[])result!)
        {
            var pair = (RedisResult[])streamResult!;
            deliveries.AddRange(ParseEntries((string)pair[0]!, (RedisResult[])pair[1]!, deliveryCount));
        }
        return deliveries;
    }

    private List<JobDelivery> ParseEntries(string stream, RedisResult[] entries, long deliveryCount)
    {
        var parsed = new List<JobDelivery>(entries.Length);
        foreach (var entry in entries)
        {
            if (entry.IsNull) continue;
            var parts = (RedisResult[])entry!;
            if (parts.Length < 2 || parts[1].IsNull) continue; // deleted while pending
            var id = (string)parts[0]!;
            var fields = (RedisValue[])parts[1]!;
            Guid analysisId = default;
            string? traceParent = null;
            var priority = PriorityOfStream(stream);
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                switch ((string?)fields[i])
                {
                    case "analysis_id": Guid.TryParse((string?)fields[i + 1], out analysisId); break;
                    case "traceparent": traceParent = (string?)fields[i + 1] is { Length: > 0 } tp ? tp : null; break;
                }
            }
            parsed.Add(new JobDelivery(id, new JobEnvelope(analysisId, traceParent, priority), deliveryCount));
        }
        return parsed;
    }

    private JobPriority PriorityOfStream(string stream)
    {
        foreach (var priority in JobPriorities.InPickOrder)
            if (stream == _options.StreamFor(priority)) return priority;
        return JobPriority.Normal;
    }
}
