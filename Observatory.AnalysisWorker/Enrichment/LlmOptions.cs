using Microsoft.Extensions.Options;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>Bound from <c>Observatory:Llm</c>. Where the model lives comes from <c>ConnectionStrings:llm</c>.</summary>
public sealed class LlmOptions
{
    public const string Section = "Observatory:Llm";

    /// <summary>The whole model call, from sending the request to reading the reply.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Transcript text sent to the model at most. Longer conversations are sampled deterministically: the
    /// engine's key moments, the beginning and the end.</summary>
    public int MaxTranscriptChars { get; set; } = 24_000;

    public double Temperature { get; set; }

    public int MaxOutputTokens { get; set; } = 600;

    /// <summary>Send the output limit as <c>max_completion_tokens</c> (OpenAI's newer name, needed by its reasoning
    /// models) instead of <c>max_tokens</c> (understood by Ollama, LM Studio, llama.cpp, vLLM and OpenAI's chat models).</summary>
    public bool UseMaxCompletionTokens { get; set; }

    /// <summary>Model to use when the connection string names none (e.g. an Aspire reference to the Ollama server
    /// rather than to one of its models).</summary>
    public string? Model { get; set; }
}

internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(30))
            failures.Add($"{LlmOptions.Section}:Timeout must be between 00:00:01 and 00:30:00 (got {options.Timeout}).");
        if (options.MaxTranscriptChars is < 1_000 or > 2_000_000)
            failures.Add($"{LlmOptions.Section}:MaxTranscriptChars must be between 1000 and 2000000 (got {options.MaxTranscriptChars}).");
        if (!double.IsFinite(options.Temperature) || options.Temperature is < 0 or > 2)
            failures.Add($"{LlmOptions.Section}:Temperature must be between 0 and 2 (got {options.Temperature}).");
        if (options.MaxOutputTokens is < 64 or > 32_768)
            failures.Add($"{LlmOptions.Section}:MaxOutputTokens must be between 64 and 32768 (got {options.MaxOutputTokens}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
