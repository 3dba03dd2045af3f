using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>How the receiver answers one request: a status, optionally after a delay, optionally with a Location.</summary>
public sealed record ReceiverReply(int Status, TimeSpan Delay = default, string? Location = null);

/// <summary>A webhook request as it arrived (recorded before any scripted delay).</summary>
public sealed record ReceivedWebhook(string Path, string? Id, string? Timestamp, string? Signature, string? ContentType, string Body);

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), the way a customer's endpoint would receive webhooks. Each test
/// scripts its own path: the script is given the 1-based number of the request to that path and says how to answer.
/// Unscripted paths answer 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<int, ReceiverReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> _received = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._app = LoopbackWebApp.Create();
        receiver._app.Run(receiver.HandleAsync);
        receiver.BaseAddress = await LoopbackWebApp.StartAsync(receiver._app);
        return receiver;
    }

    public string UrlFor(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public void Script(string path, Func<int, ReceiverReply> script) => _scripts[path] = script;

    public IReadOnlyList<ReceivedWebhook> ReceivedAt(string path) =>
        _received.TryGetValue(path, out var queue) ? queue.ToArray() : [];

    /// <summary>Waits until <paramref name="count"/> requests reached <paramref name="path"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (ReceivedAt(path).Count < count)
        {
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{path} received {ReceivedAt(path).Count} of {count} webhook(s) in {timeout}.");
            }
        }
        return ReceivedAt(path);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var queue = _received.GetOrAdd(path, _ => new ConcurrentQueue<ReceivedWebhook>());
        queue.Enqueue(new ReceivedWebhook(path, headers["webhook-id"].FirstOrDefault(), headers["webhook-timestamp"].FirstOrDefault(),
            headers["webhook-signature"].FirstOrDefault(), context.Request.ContentType, body));
        _arrived.Release();

        var reply = _scripts.TryGetValue(path, out var script) ? script(queue.Count) : new ReceiverReply(200);
        if (reply.Delay > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(reply.Delay, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up (its timeout) or the test is over
            }
        }
        context.Response.StatusCode = reply.Status;
        if (reply.Location is not null) context.Response.Headers.Location = reply.Location;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
