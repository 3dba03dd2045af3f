using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Observatory.Messaging.Audit;

/// <summary>Takes audit events on the request path for the cost of a channel write, and ships them to the audit
/// stream in pipelined batches in the background. If Redis is unreachable the buffer holds up to
/// <see cref="Capacity"/> events; beyond that the oldest are dropped and counted (metric
/// <c>observatory.audit.dropped</c>) rather than slowing requests down.</summary>
public sealed partial class BufferedAuditTrail : BackgroundService
{
    public const int Capacity = 100_000;
    private const int BatchSize = 500;

    private readonly Channel<AuditEvent> _buffer = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        _ => Dropped.Add(1));
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
        var batch = new List<AuditEvent>(BatchSize);
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _buffer.Reader.TryRead(out var item)) batch.Add(item);
                await ShipAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ship what is left on the way out.
            while (_buffer.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count > 0) await ShipAsync(batch, CancellationToken.None);
        }
    }

    private async Task ShipAsync(List<AuditEvent> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.WhenAll(batch.Select(e => _redis.Commands.ExecuteAsync("XADD", AuditStreamNames.Stream, "MAXLEN", "~", "1000000", "*",
                    "e", AuditStreamNames.Serialize(e))));
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && attempt < 1000)
            {
                LogShipFailed(_logger, batch.Count, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5000)), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ship {Count} audit event(s) to Redis; retrying: {Reason}")]
    private static partial void LogShipFailed(ILogger logger, int count, string reason);
}
