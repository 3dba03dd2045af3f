using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Runs every request of one named HttpClient through that client's resilience pipeline. Failures the pipeline gives
/// up on surface the way HttpClient itself reports them, so callers need no Polly types: an open circuit as an
/// <see cref="HttpRequestException"/> (nothing was sent), a timeout as a <see cref="TaskCanceledException"/> whose
/// inner exception is a <see cref="TimeoutException"/> (the same shape as <see cref="HttpClient.Timeout"/>).
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, string clientName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelines.RequestProperty, request);
        try
        {
            return await pipeline.ExecuteAsync(
                    static (attemptContext, state) =>
                        new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, attemptContext.CancellationToken)),
                    context,
                    (Handler: this, Request: request))
                .ConfigureAwait(false);
        }
        catch (BrokenCircuitException exception)
        {
            throw new HttpRequestException(
                $"HTTP client '{clientName}': the circuit is open after repeated failures; the request was not sent.",
                exception);
        }
        catch (TimeoutRejectedException exception)
        {
            var message = $"HTTP client '{clientName}': the request timed out after {exception.Timeout.TotalSeconds:0.###} s "
                + $"(see {HttpResilienceOptions.SectionName}).";
            throw new TaskCanceledException(message, new TimeoutException(message, exception));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
