namespace Observatory.Data.Retention;

/// <summary>Bound from <c>Observatory:Retention</c> (CONTRACT §7). The sweeper that enforces it runs in the worker;
/// the API needs the same numbers to tell callers <c>expires_at</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Observatory:Retention";

    public TimeSpan Results { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan Metadata { get; set; } = TimeSpan.FromDays(90);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
