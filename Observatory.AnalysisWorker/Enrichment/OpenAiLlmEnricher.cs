using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Observatory.Analysis;
using OpenAI;
using OpenAI.Chat;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>
/// Calls an OpenAI-compatible chat-completions server (Ollama's <c>/v1</c>, OpenAI, vLLM, LM Studio, …) through the
/// official OpenAI SDK. One request per analysis, no retries of its own (the job's redelivery covers that), bounded by
/// <see cref="LlmOptions.Timeout"/> and aborted at once when the caller's token fires.
/// </summary>
public sealed partial class OpenAiLlmEnricher : ILlmEnricher, IDisposable
{
    public const string ActivitySourceName = "Observatory.AnalysisWorker.Llm";
    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly LlmConnection connection;
    private readonly LlmOptions options;
    private readonly ILogger<OpenAiLlmEnricher> logger;
    private readonly HttpClient httpClient;
    private readonly ChatClient chatClient;

    public OpenAiLlmEnricher(LlmConnection connection, IOptions<LlmOptions> options, ILogger<OpenAiLlmEnricher> logger)
    {
        this.connection = connection;
        this.options = options.Value;
        this.logger = logger;

        // Our own client, not IHttpClientFactory's: the shared resilience handler would retry a slow, costly call.
        // The linked token in EnrichAsync is the real deadline; these limits are only a backstop.
        var backstop = this.options.Timeout + TimeSpan.FromSeconds(5);
        httpClient = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, this.options.Timeout.TotalSeconds)),
        })
        {
            Timeout = backstop,
        };

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = connection.BaseUrl,
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = backstop,
        };
        // Servers such as Ollama ignore the key but the SDK needs one.
        chatClient = new ChatClient(connection.Model, new ApiKeyCredential(connection.ApiKey ?? "unused"), clientOptions);
    }

    public bool IsConfigured => true;

    public string? Model => connection.Model;

    public async Task<LlmEnrichment> EnrichAsync(Conversation conversation, AnalysisResult engineResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(engineResult);
        cancellationToken.ThrowIfCancellationRequested();

        var prompt = LlmPrompt.Build(conversation, engineResult, options.MaxTranscriptChars);
        if (prompt.MessagesSent < prompt.MessagesTotal) LogSampled(logger, prompt.MessagesSent, prompt.MessagesTotal);

        var completionOptions = new ChatCompletionOptions
        {
            Temperature = (float)options.Temperature,
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };
        if (options.UseMaxCompletionTokens)
        {
            completionOptions.MaxOutputTokenCount = options.MaxOutputTokens;
        }
        else
        {
#pragma warning disable SCME0001 // JsonPatch is marked experimental; it is the SDK's way to send a field it does not model.
            completionOptions.Patch.Set("$.max_tokens"u8, options.MaxOutputTokens);
#pragma warning restore SCME0001
        }
        ChatMessage[] messages = [new SystemChatMessage(prompt.System), new UserChatMessage(prompt.User)];

        using var activity = StartActivity();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var started = Stopwatch.GetTimestamp();
        ChatCompletion completion;
        try
        {
            completion = (await chatClient.CompleteChatAsync(messages, completionOptions, deadline.Token).ConfigureAwait(false)).Value;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            activity?.SetTag("error.type", "cancelled");
            throw e as OperationCanceledException ?? new OperationCanceledException("The analysis was cancelled.", e, cancellationToken);
        }
        catch (Exception e)
        {
            throw Fail(activity, Describe(e), e);
        }
        var latencyMs = Math.Max(1L, (long)Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalMilliseconds));

        // The SDK reads the body lazily; a reply without choices or with odd fields throws on first access.
        Reply received;
        try
        {
            received = Reply.From(completion, connection.Model);
        }
        catch (Exception e)
        {
            throw Fail(activity, "unusable response from the server", e);
        }
        var (model, inputTokens, outputTokens, finishReason, refusal, content) = received;
        activity?.SetTag("gen_ai.response.id", received.Id);
        activity?.SetTag("gen_ai.response.model", model);
        activity?.SetTag("gen_ai.response.finish_reasons", new[] { FinishReasonName(finishReason) });
        activity?.SetTag("gen_ai.usage.input_tokens", inputTokens);
        activity?.SetTag("gen_ai.usage.output_tokens", outputTokens);

        if (!string.IsNullOrEmpty(refusal)) throw Fail(activity, "the model refused", null);
        LlmReply reply;
        try
        {
            reply = LlmReply.Parse(content, prompt.Boundary);
        }
        catch (LlmUnavailableException e) when (finishReason == ChatFinishReason.Length)
        {
            throw Fail(activity, "unusable output: cut off at the output token limit", e);
        }
        catch (LlmUnavailableException e)
        {
            throw Fail(activity, e.Reason, e);
        }

        var usage = new LlmUsage
        {
            Used = true,
            Model = model,
            Reason = "enriched",
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            LatencyMs = latencyMs,
        };
        LogEnriched(logger, model, reply.Insights.Count, inputTokens, outputTokens, latencyMs);
        return new LlmEnrichment(LlmResultMerger.Merge(engineResult, reply, usage))
        {
            Summary = reply.Summary,
            Certainty = reply.Certainty,
        };

        string Describe(Exception e) => e switch
        {
            OperationCanceledException => $"timed out after {options.Timeout.TotalSeconds:0.#} s",
            ClientResultException { Status: > 0 } c => $"the server answered HTTP {c.Status}",
            ClientResultException { InnerException: OperationCanceledException or TimeoutException } =>
                $"timed out after {options.Timeout.TotalSeconds:0.#} s",
            ClientResultException or HttpRequestException or SocketException or IOException => "the server could not be reached",
            _ => "unusable response from the server",
        };
    }

    private Activity? StartActivity()
    {
        var activity = Source.StartActivity($"chat {connection.Model}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("gen_ai.system", "openai");
        activity.SetTag("gen_ai.operation.name", "chat");
        activity.SetTag("gen_ai.request.model", connection.Model);
        activity.SetTag("gen_ai.request.temperature", options.Temperature);
        activity.SetTag("gen_ai.request.max_tokens", options.MaxOutputTokens);
        activity.SetTag("server.address", connection.BaseUrl.Host);
        activity.SetTag("server.port", connection.BaseUrl.Port);
        return activity;
    }

    private LlmUnavailableException Fail(Activity? activity, string reason, Exception? exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        activity?.SetTag("error.type", exception?.GetType().FullName ?? "unusable_output");
        LogUnavailable(logger, connection.Model, reason);
        return exception as LlmUnavailableException is { } same && same.Reason == reason
            ? same
            : new LlmUnavailableException(reason, exception);
    }

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };

    public void Dispose() => httpClient.Dispose();

    private sealed record Reply(string Model, int InputTokens, int OutputTokens, ChatFinishReason FinishReason, string? Refusal, string Content)
    {
        public string? Id { get; private init; }

        public static Reply From(ChatCompletion completion, string configuredModel)
        {
            return new Reply(
                string.IsNullOrWhiteSpace(completion.Model) ? configuredModel : completion.Model,
                completion.Usage?.InputTokenCount ?? 0,
                completion.Usage?.OutputTokenCount ?? 0,
                completion.FinishReason,
                completion.Refusal,
                string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)))
            {
                Id = completion.Id,
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Model} added {Insights} insights ({InputTokens} input / {OutputTokens} output tokens, {LatencyMs} ms)")]
    private static partial void LogEnriched(ILogger logger, string model, int insights, int inputTokens, int outputTokens, long latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Model} unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string model, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transcript too long for the LLM: sending {Sent} of {Total} messages")]
    private static partial void LogSampled(ILogger logger, int sent, int total);
}
