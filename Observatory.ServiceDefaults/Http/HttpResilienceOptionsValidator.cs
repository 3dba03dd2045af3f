using Microsoft.Extensions.Options;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Rejects <see cref="HttpResilienceOptions"/> that Polly would refuse when it builds the pipeline (on the first
/// request) or that make no sense together, so a bad setting fails the start-up with the key to fix.
/// </summary>
internal sealed class HttpResilienceOptionsValidator : IValidateOptions<HttpResilienceOptions>
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaximumBreakerWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HttpResilienceOptions options)
    {
        var failures = new List<string>();
        void Require(bool condition, string key, string rule)
        {
            if (!condition)
            {
                failures.Add($"{HttpResilienceOptions.SectionName}:{key} {rule}.");
            }
        }

        Require(options.TotalRequestTimeout > MinimumTimeout && options.TotalRequestTimeout <= MaximumTimeout,
            nameof(options.TotalRequestTimeout), "must be more than 10 ms and at most 1 hour");
        Require(options.AttemptTimeout > MinimumTimeout && options.AttemptTimeout <= options.TotalRequestTimeout,
            nameof(options.AttemptTimeout), "must be more than 10 ms and at most TotalRequestTimeout");
        Require(options.MaxRetryAttempts is >= 0 and <= 10,
            nameof(options.MaxRetryAttempts), "must be between 0 and 10");
        Require(options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= options.MaxRetryDelay,
            nameof(options.RetryBaseDelay), "must be at least zero and at most MaxRetryDelay");
        Require(options.MaxRetryDelay > TimeSpan.Zero && options.MaxRetryDelay <= options.TotalRequestTimeout,
            nameof(options.MaxRetryDelay), "must be more than zero and at most TotalRequestTimeout");
        Require(options.CircuitBreakerFailureRatio is > 0 and <= 1,
            nameof(options.CircuitBreakerFailureRatio), "must be more than 0 and at most 1");
        Require(options.CircuitBreakerMinimumThroughput >= 2,
            nameof(options.CircuitBreakerMinimumThroughput), "must be at least 2");
        Require(options.CircuitBreakerSamplingDuration > MinimumBreakerWindow
                && options.CircuitBreakerSamplingDuration <= MaximumBreakerWindow
                && options.CircuitBreakerSamplingDuration >= options.AttemptTimeout * 2,
            nameof(options.CircuitBreakerSamplingDuration), "must be more than 500 ms, at most 1 day and at least twice AttemptTimeout");
        Require(options.CircuitBreakerBreakDuration > MinimumBreakerWindow
                && options.CircuitBreakerBreakDuration <= MaximumBreakerWindow,
            nameof(options.CircuitBreakerBreakDuration), "must be more than 500 ms and at most 1 day");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
