using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that speaks the OpenAI chat-completions protocol well enough for the
/// official SDK and for Ollama-style clients: <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>. Every knob
/// can be changed at any time, also while requests are in flight; it records every chat request it receives.
/// A <see cref="Delay"/> ends early when the client aborts the request or the server is disposed, so it never holds
/// up a test's or a host's shutdown.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string DefaultModel = "fake-model";

    /// <summary>A reply that passes the enricher's validation.</summary>
    public const string DefaultReplyContent =
        """{"insights":["The speakers move from disagreement to a shared plan.","Every question asked gets a direct answer."],"summary":"A short, cooperative exchange that ends in agreement.","certainty":0.8}""";

    private readonly WebApplication app;
    private readonly CancellationTokenSource disposing = new();
    private readonly ConcurrentQueue<FakeChatRequest> requests = new();
    private readonly SemaphoreSlim received = new(0);
    private int completionCounter;
    private int disposed;

    private FakeOpenAiServer(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The assistant message content returned by chat completions (default: <see cref="DefaultReplyContent"/>).</summary>
    public string ReplyContent { get; set; } = DefaultReplyContent;

    /// <summary>When set, returned verbatim as the whole HTTP body (status 200, application/json) instead of a
    /// chat.completion object: for "the server sent garbage".</summary>
    public string? RawResponseBody { get; set; }

    /// <summary>Waited before answering a chat completion; cut short by a client abort or by disposal.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, chat completions fail with this status and an OpenAI-style error body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>The <c>model</c> field of the reply; null echoes the request's model.</summary>
    public string? ResponseModel { get; set; }

    public int PromptTokens { get; set; } = 321;

    public int CompletionTokens { get; set; } = 45;

    public string FinishReason { get; set; } = "stop";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Aspire-style connection string: <c>Endpoint=http://127.0.0.1:port;Model=fake-model</c>.</summary>
    public string ConnectionString => $"Endpoint={BaseAddress.GetLeftPart(UriPartial.Authority)};Model={DefaultModel}";

    /// <summary>Chat requests received so far, in arrival order (recorded before any delay or failure).</summary>
    public IReadOnlyList<FakeChatRequest> Requests => requests.ToArray();

    /// <summary>Chat completions whose <see cref="Delay"/> was cut short by a client abort or by disposal.</summary>
    public int AbortedRequests => abortedRequests;
    private int abortedRequests;

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackWebApp.Create();
        var server = new FakeOpenAiServer(app);
        server.Map(app);
        server.BaseAddress = await LoopbackWebApp.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> chat requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count = 1, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (requests.Count < count) await received.WaitAsync(cts.Token);
    }

    private void Map(WebApplication webApp)
    {
        webApp.MapGet("/v1/models", () => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = ResponseModel ?? DefaultModel,
                ["object"] = "model",
                ["created"] = 1_700_000_000,
                ["owned_by"] = "observatory-tests",
            }),
        }));

        webApp.MapPost("/v1/chat/completions", HandleChatAsync);
    }

    private async Task HandleChatAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        var request = FakeChatRequest.From(body, context.Request.Headers.Authorization.ToString());
        requests.Enqueue(request);
        received.Release();

        var delay = Delay;
        if (delay > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, disposing.Token);
            try
            {
                await Task.Delay(delay, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref abortedRequests);
                if (!context.RequestAborted.IsCancellationRequested) context.Abort();
                return;
            }
        }

        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = "The fake server was told to fail.",
                    ["type"] = status >= 500 ? "server_error" : "invalid_request_error",
                    ["param"] = null,
                    ["code"] = null,
                },
            });
            return;
        }

        if (RawResponseBody is { } raw)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(raw);
            return;
        }

        var number = Interlocked.Increment(ref completionCounter);
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-fake{number:D6}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = ResponseModel ?? request.Model ?? DefaultModel,
            ["system_fingerprint"] = "fp_fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ReplyContent },
                ["finish_reason"] = FinishReason,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = PromptTokens,
                ["completion_tokens"] = CompletionTokens,
                ["total_tokens"] = PromptTokens + CompletionTokens,
            },
        };
        await context.Response.WriteAsJsonAsync(completion);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await disposing.CancelAsync();
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try { await app.StopAsync(stopTimeout.Token); }
            catch (OperationCanceledException) { }
        }
        await app.DisposeAsync();
        disposing.Dispose();
        received.Dispose();
    }
}

/// <summary>One chat request as the fake server received it.</summary>
public sealed record FakeChatRequest(string Body, string? Model, IReadOnlyList<FakeChatMessage> Messages, string Authorization)
{
    /// <summary>The parsed body (null if it was not JSON).</summary>
    public JsonNode? Json
    {
        get
        {
            try { return JsonNode.Parse(Body); }
            catch (JsonException) { return null; }
        }
    }

    public string SystemPrompt => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    public string UserPrompt => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));

    internal static FakeChatRequest From(string body, string authorization)
    {
        string? model = null;
        var messages = new List<FakeChatMessage>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String) model = m.GetString();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in list.EnumerateArray())
                {
                    var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                    messages.Add(new FakeChatMessage(role, ContentText(message)));
                }
            }
        }
        catch (JsonException)
        {
            // Recorded as is; the test can look at Body.
        }
        return new FakeChatRequest(body, model, messages, authorization);
    }

    /// <summary>Content may be a string or an array of <c>{type:"text", text}</c> parts.</summary>
    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content)) return "";
        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? "",
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").GetString())),
            _ => "",
        };
    }
}

public sealed record FakeChatMessage(string Role, string Content);
