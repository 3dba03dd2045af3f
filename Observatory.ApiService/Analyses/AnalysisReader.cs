using System.Globalization;
using Observatory.Data.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Observatory.ApiService.Identity;
using Observatory.Data;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Analyses;

/// <summary>Reads analyses as the caller may see them (CONTRACT §6 ownership: others' analyses do not exist).</summary>
public sealed class AnalysisReader(ObservatoryDbContext db, CallerIdentity caller, TimeProvider clock, IOptions<RetentionOptions> retention)
{
    private static readonly TimeSpan LongestReadStampInterval = TimeSpan.FromMinutes(1);

    public RetentionOptions Retention => retention.Value;

    public async Task<AnalysisRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return record is not null && caller.CanSee(record.Owner) ? record : null;
    }

    /// <summary>Reading a result restarts its retention clock (CONTRACT §7). Stamped at most once a minute (or a tenth
    /// of the result retention, when that is shorter) so clients polling a result do not turn every read into a
    /// write; a result may thus expire up to that much earlier than its very last read would say.</summary>
    public async Task MarkReadAsync(AnalysisRecord record, CancellationToken cancellationToken)
    {
        if (record.ResultJson is null) return;
        var now = clock.GetUtcNow();
        if (record.LastReadAt is { } last && now - last < ReadStampInterval) return;
        record.LastReadAt = now;
        await db.Analyses.Where(a => a.Id == record.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastReadAt, now), cancellationToken);
    }

    /// <summary>Why a GET answers 410: when the result was removed and under which rule.</summary>
    public string DescribeDeletedResult(AnalysisRecord record) => string.Create(CultureInfo.InvariantCulture,
        $"The result of this analysis was deleted by the retention policy at {record.ResultDeletedAt?.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: " +
        $"results are kept for {Describe(Retention.Results)} after they were last read (or after completion, if never read). " +
        $"The analysis record itself is kept until {(record.CreatedAt + Retention.Metadata).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.");

    private static string Describe(TimeSpan period) => period switch
    {
        { TotalDays: >= 1 } when period.Ticks % TimeSpan.TicksPerDay == 0 => $"{period.TotalDays:0} day(s)",
        { TotalHours: >= 1 } when period.Ticks % TimeSpan.TicksPerHour == 0 => $"{period.TotalHours:0} hour(s)",
        _ => period.ToString("c", CultureInfo.InvariantCulture),
    };

    private TimeSpan ReadStampInterval =>
        Retention.Results / 10 < LongestReadStampInterval ? Retention.Results / 10 : LongestReadStampInterval;

    public async Task<(List<AnalysisRecord> Items, string? NextCursor)> ListAsync(string? status, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = db.Analyses.AsNoTracking();
        if (!caller.IsAdmin) query = query.Where(a => a.Owner == caller.Principal);
        if (status is not null) query = query.Where(a => a.Status == status);
        if (ListCursor.TryDecode(cursor, out var after))
            query = query.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));

        // Select everything except the result: lists stay small however large each result is.
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new AnalysisRecord
            {
                Id = a.Id, Owner = a.Owner, Status = a.Status, Progress = a.Progress, Title = a.Title, MetadataJson = a.MetadataJson,
                BatchId = a.BatchId, CreatedAt = a.CreatedAt, StartedAt = a.StartedAt, CompletedAt = a.CompletedAt,
                ErrorCode = a.ErrorCode, ErrorMessage = a.ErrorMessage,
            })
            .ToListAsync(cancellationToken);
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = ListCursor.Encode(items[^1].CreatedAt, items[^1].Id);
        }
        return (items, next);
    }
}
