using Microsoft.Extensions.Options;

namespace Observatory.Gateway.RateLimiting;

/// <summary>Checked at start-up (<c>ValidateOnStart</c>): every tier needs positive limits, and the Redis timings must be sane.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const int MaxPerMinute = 1_000_000;
    private const int MaxPerDay = 1_000_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(nameof(RateLimitOptions.Public), options.Public, failures);
        Check(nameof(RateLimitOptions.Standard), options.Standard, failures);
        Check(nameof(RateLimitOptions.Partner), options.Partner, failures);
        if (options.RedisTimeout <= TimeSpan.Zero || options.RedisTimeout > TimeSpan.FromSeconds(10))
            failures.Add($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.RedisTimeout)} must be between 0 and 10 seconds (got {options.RedisTimeout}).");
        if (options.RedisRetryInterval <= TimeSpan.Zero || options.RedisRetryInterval > TimeSpan.FromMinutes(5))
            failures.Add($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.RedisRetryInterval)} must be between 0 and 5 minutes (got {options.RedisRetryInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string tier, TierLimits? limits, List<string> failures)
    {
        if (limits is null)
        {
            failures.Add($"{RateLimitOptions.Section}:{tier} is missing.");
            return;
        }

        if (limits.PerMinute is < 1 or > MaxPerMinute)
            failures.Add($"{RateLimitOptions.Section}:{tier}:{nameof(TierLimits.PerMinute)} must be between 1 and {MaxPerMinute} (got {limits.PerMinute}).");
        if (limits.PerDay is < 1 or > MaxPerDay)
            failures.Add($"{RateLimitOptions.Section}:{tier}:{nameof(TierLimits.PerDay)} must be between 1 and {MaxPerDay} (got {limits.PerDay}).");
    }
}
