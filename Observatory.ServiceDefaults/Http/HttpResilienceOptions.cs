namespace Observatory.ServiceDefaults;

/// <summary>
/// The standard resilience every <see cref="HttpClient"/> from <c>IHttpClientFactory</c> gets, bound from
/// <c>Observatory:Http:Resilience</c> (environment: <c>Observatory__Http__Resilience__MaxRetryAttempts=5</c>, TimeSpans
/// as <c>00:00:10</c>) and validated at start-up. Order, outermost first: total timeout → retry → circuit breaker →
/// attempt timeout. The HttpClient's own <c>Timeout</c> (100 s by default) still applies around all of it.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Observatory:Http:Resilience";

    /// <summary>Upper bound for one logical request, all attempts and back-off delays included. Default 30 s.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for one attempt; an attempt that runs out counts as a transient failure. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, 0 to 10; 0 turns retrying off. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Median delay before the first retry; exponential back-off with jitter from there. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap on any single back-off delay, and on how long a <c>Retry-After</c> answer is honoured. Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of transient failures in the sampling window that opens the circuit, in (0, 1]. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open, at least 2. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which the failure ratio is measured; at least twice <see cref="AttemptTimeout"/>. Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects requests before letting one through. Default 5 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
