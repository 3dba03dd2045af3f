namespace Observatory.Analysis.Parsing;

/// <summary>
/// Turns the times written on transcript turns into instants, in transcript order. A full date-time stands alone
/// (no zone means UTC). A time-only value borrows the last date (and zone) written on an earlier turn; when no date
/// was written before it, the instant is unknown and stays null rather than being guessed from today's date.
/// </summary>
internal sealed class TranscriptClock
{
    // A carried time that lands this far before the previous turn is read as crossing midnight (23:58 → 00:03),
    // while small steps backwards (out-of-order lines) keep the same date.
    private static readonly TimeSpan MidnightRolloverThreshold = TimeSpan.FromHours(12);

    private DateOnly? _currentDate;
    private TimeSpan _currentOffset;
    private DateTimeOffset? _previous;

    public DateTimeOffset? Resolve(LineTime? written)
    {
        if (written is not { } time)
        {
            return null;
        }

        if (time.Date is { } date)
        {
            _currentDate = date;
            _currentOffset = time.Offset ?? TimeSpan.Zero;
            if (time.Time is not { } timeOfDay)
            {
                return null;
            }

            return Remember(new DateTimeOffset(date.ToDateTime(timeOfDay), _currentOffset));
        }

        if (time.Time is not { } carriedTime || _currentDate is not { } carriedDate)
        {
            return null;
        }

        TimeSpan offset = time.Offset ?? _currentOffset;
        var instant = new DateTimeOffset(carriedDate.ToDateTime(carriedTime), offset);
        if (_previous is { } previous && previous - instant > MidnightRolloverThreshold)
        {
            instant = instant.AddDays(1);
            _currentDate = carriedDate.AddDays(1);
        }

        return Remember(instant);
    }

    private DateTimeOffset Remember(DateTimeOffset instant)
    {
        DateTimeOffset utc = instant.ToUniversalTime();
        _previous = utc;
        return utc;
    }
}
