namespace Observatory.Analysis.Parsing;

/// <summary>
/// A date and/or time written in a transcript line, exactly as far as it was written: a time-only value has no
/// date, a value without a zone has no offset. <see cref="TranscriptClock"/> turns it into an instant.
/// </summary>
internal readonly record struct LineTime(DateOnly? Date, TimeOnly? Time, TimeSpan? Offset);
