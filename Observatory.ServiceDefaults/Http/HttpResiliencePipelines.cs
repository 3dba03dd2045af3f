using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Builds and keeps one resilience pipeline per named HttpClient. The pipeline (and so the circuit breaker's state)
/// belongs to the client name, not to a handler instance: IHttpClientFactory recycles handlers every two minutes, and
/// a breaker that forgot its state on every rotation would not protect anything.
/// </summary>
internal sealed class HttpResiliencePipelines(IOptions<HttpResilienceOptions> options, ILoggerFactory loggerFactory)
    : IDisposable
{
    /// <summary>Carries the request being sent to the retry predicate, which decides whether a retry is safe.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestProperty = new("Observatory.Http.Request");

    private readonly ResiliencePipelineRegistry<string> registry = new();
    private readonly ILogger logger = loggerFactory.CreateLogger("Observatory.ServiceDefaults.Http.Resilience");

    public ResiliencePipeline<HttpResponseMessage> For(string clientName) =>
        registry.GetOrAddPipeline<HttpResponseMessage>(clientName, pipeline => Build(pipeline, clientName, options.Value));

    public void Dispose() => registry.Dispose();

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string clientName, HttpResilienceOptions settings)
    {
        pipeline.AddTimeout(settings.TotalRequestTimeout);

        if (settings.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = arguments => ValueTask.FromResult(
                    TransientHttpFailure.IsTransient(arguments.Outcome)
                    && arguments.Context.Properties.TryGetValue(RequestProperty, out var request)
                    && RetrySafety.MayRetry(request, arguments.Outcome.Exception)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome, settings.MaxRetryDelay)),
                OnRetry = arguments =>
                {
                    if (arguments.Context.Properties.TryGetValue(RequestProperty, out var request))
                    {
                        HttpResilienceLog.Retrying(
                            logger,
                            clientName,
                            request.Method.Method,
                            Describe(request.RequestUri),
                            (long)arguments.RetryDelay.TotalMilliseconds,
                            arguments.AttemptNumber + 1,
                            TransientHttpFailure.Describe(arguments.Outcome));
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.CircuitBreakerFailureRatio,
            MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
            SamplingDuration = settings.CircuitBreakerSamplingDuration,
            BreakDuration = settings.CircuitBreakerBreakDuration,
            ShouldHandle = arguments => ValueTask.FromResult(TransientHttpFailure.IsTransient(arguments.Outcome)),
            OnOpened = arguments =>
            {
                HttpResilienceLog.CircuitOpened(
                    logger, clientName, (long)arguments.BreakDuration.TotalMilliseconds, TransientHttpFailure.Describe(arguments.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                HttpResilienceLog.CircuitClosed(logger, clientName);
                return ValueTask.CompletedTask;
            },
        });

        pipeline.AddTimeout(settings.AttemptTimeout);
    }

    /// <summary>Honours a <c>Retry-After</c> answer (429, 503) up to the maximum delay; otherwise the back-off decides.</summary>
    private static TimeSpan? RetryAfter(in Outcome<HttpResponseMessage> outcome, TimeSpan maximum)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow);
        if (delay is not { } wait)
        {
            return null;
        }

        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > maximum ? maximum : wait;
    }

    /// <summary>Scheme, authority and path only: query strings may carry secrets and do not belong in logs.</summary>
    private static string Describe(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Path) : uri?.OriginalString ?? "(no URI)";
}
