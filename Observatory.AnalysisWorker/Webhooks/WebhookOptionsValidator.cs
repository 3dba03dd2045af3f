using Microsoft.Extensions.Options;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Fails start-up on a webhook configuration that cannot work, naming the key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (!WebhookRetrySchedule.TryParse(options.RetryDelays, out _, out var error))
            failures.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.RetryDelays)}: {error}");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
            failures.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.Timeout)} must be between 0 and 2 minutes (got {options.Timeout}).");
        if (options.ClaimDuration <= options.Timeout)
            failures.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.ClaimDuration)} must exceed the timeout ({options.Timeout}); got {options.ClaimDuration}.");
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(5))
            failures.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.PollInterval)} must be between 0 and 5 minutes (got {options.PollInterval}).");
        if (options.BatchSize is < 1 or > 1000)
            failures.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.BatchSize)} must be between 1 and 1000 (got {options.BatchSize}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
