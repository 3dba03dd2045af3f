using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Observatory.Messaging.Audit;

/// <summary>Takes audit events on the request path for the cost of a channel write, and ships them to the audit
/// stream in the background, up to <see cref="BatchSize"/> events per stream entry (<see cref="AuditStreamFormat"/>).
/// After the first event of a batch it lingers <see cref="Linger"/> for more, so a busy gateway writes about ten
/// entries a second instead of one per request. If Redis is unreachable the buffer holds up to
/// <see cref="Capacity"/> events; beyond that the oldest are dropped and counted (metric
/// <c>observatory.audit.dropped</c>) rather than slowing requests down.</summary>
public sealed partial class BufferedAuditTrail : BackgroundService
{
    public const int Capacity = 100_000;
    public const int BatchSize = 500;
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(100);

    private readonly Channel<AuditEvent> _buffer = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        _ => Dropped.Add(1));
    private readonly List<AuditEvent> _batch = new(BatchSize);
    private readonly RedisConnections _redis;
    private readonly ILogger<BufferedAuditTrail> _logger;

    private static readonly Meter Meter = new("Observatory.Audit");
    private static readonly Counter<long> Dropped = Meter.CreateCounter<long>("observatory.audit.dropped", unit: "{event}",
        description: "Audit events dropped because the buffer was full while Redis was unreachable.");

    public BufferedAuditTrail(RedisConnections redis, ILogger<BufferedAuditTrail> logger)
    {
        _redis = redis;
        _logger = logger;
    }

    public void Record(AuditEvent auditEvent) => _buffer.Writer.TryWrite(auditEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain();
                if (_batch.Count < BatchSize)
                {
                    await Task.Delay(Linger, stoppingToken).ConfigureAwait(false);
                    Drain();
                }
                await ShipAsync(stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (a send cut short included): StopAsync ships what is left.
        }
    }

    /// <summary>Ships what is still buffered once the loop has ended — also when the host stops before the loop
    /// ever ran — for as long as the host's shutdown allows.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is { IsCompleted: false })
        {
            // The host's shutdown time ran out while the loop was still sending: the batch is not ours to touch.
            LogLostOnShutdown(_logger, _buffer.Reader.Count);
            return;
        }
        try
        {
            do
            {
                Drain();
                if (_batch.Count > 0) await ShipAsync(cancellationToken);
            } while (_buffer.Reader.Count > 0);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            LogLostOnShutdown(_logger, _batch.Count + _buffer.Reader.Count);
        }
    }

    private void Drain()
    {
        while (_batch.Count < BatchSize && _buffer.Reader.TryRead(out var item)) _batch.Add(item);
    }

    /// <summary>Writes the batch as one stream entry, retrying until Redis takes it or <paramref name="stoppingToken"/>
    /// fires, then empties it.</summary>
    private async Task ShipAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _redis.Commands.ExecuteAsync("XADD", AuditStreamFormat.Stream, "MINID", "~", AuditStreamFormat.TrimBelow(DateTimeOffset.UtcNow), "*",
                    AuditStreamFormat.EventsField, AuditStreamFormat.Serialize(_batch));
                _batch.Clear();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogShipFailed(_logger, _batch.Count, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5000)), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped with {Count} audit event(s) that Redis did not take in time")]
    private static partial void LogLostOnShutdown(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ship {Count} audit event(s) to Redis; retrying: {Reason}")]
    private static partial void LogShipFailed(ILogger logger, int count, string reason);
}
