using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>
/// Where the model lives, parsed from <c>ConnectionStrings:llm</c> in the form Aspire hands over:
/// <c>Endpoint=http://host:11434;Model=qwen2.5:1.5b</c>, optionally with <c>Key=…</c> (or <c>ApiKey=…</c>).
/// </summary>
/// <param name="BaseUrl">The OpenAI-compatible base URL: the endpoint with <c>/v1</c> appended unless already there.</param>
public sealed record LlmConnection(Uri BaseUrl, string Model, string? ApiKey)
{
    /// <summary>Parses a connection string. Null or blank means "not configured" and returns false with no error.</summary>
    /// <param name="defaultModel">Used when the connection string names no model.</param>
    public static bool TryParse(string? connectionString, string? defaultModel,
        [NotNullWhen(true)] out LlmConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        if (string.IsNullOrWhiteSpace(connectionString)) return false;

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            error = "it is not of the form Endpoint=http://host:port;Model=name";
            return false;
        }

        var endpoint = Get(builder, "Endpoint");
        if (endpoint is null)
        {
            error = "Endpoint is missing (expected Endpoint=http://host:port;Model=name)";
            return false;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = "Endpoint must be an absolute http:// or https:// URL without query or fragment";
            return false;
        }

        var model = Get(builder, "Model") ?? (string.IsNullOrWhiteSpace(defaultModel) ? null : defaultModel.Trim());
        if (model is null)
        {
            error = $"Model is missing (add Model=name, or set {LlmOptions.Section}:Model)";
            return false;
        }

        var key = Get(builder, "Key") ?? Get(builder, "ApiKey");
        connection = new LlmConnection(ToBaseUrl(uri), model, key);
        return true;
    }

    /// <summary>Parses a connection string that must be valid.</summary>
    /// <exception cref="FormatException">Blank or invalid.</exception>
    public static LlmConnection Parse(string connectionString, string? defaultModel = null) =>
        TryParse(connectionString, defaultModel, out var connection, out var error)
            ? connection
            : throw new FormatException($"ConnectionStrings:llm is invalid: {error ?? "it is empty"}.");

    private static Uri ToBaseUrl(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase)) path += "/v1";
        return new UriBuilder(endpoint) { Path = path, Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    private static string? Get(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value?.ToString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{BaseUrl} (model {Model})";
}
