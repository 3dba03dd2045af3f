using Microsoft.Extensions.Options;
using Observatory.Data.Retention;

namespace Observatory.AnalysisWorker.Retention;

/// <summary>Refuses to start with retention periods that would delete everything at once (zero or negative) or a
/// sweep interval a timer cannot hold.</summary>
public sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    // PeriodicTimer takes at most 2^32 - 2 milliseconds.
    private static readonly TimeSpan LongestInterval = TimeSpan.FromDays(49);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.Results <= TimeSpan.Zero) failures.Add($"{RetentionOptions.Section}:Results must be a positive time span (e.g. 30.00:00:00).");
        if (options.Metadata <= TimeSpan.Zero) failures.Add($"{RetentionOptions.Section}:Metadata must be a positive time span (e.g. 90.00:00:00).");
        if (options.SweepInterval <= TimeSpan.Zero || options.SweepInterval > LongestInterval)
            failures.Add($"{RetentionOptions.Section}:SweepInterval must be a positive time span of at most {LongestInterval.TotalDays} days (e.g. 01:00:00).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
