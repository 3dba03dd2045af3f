using Microsoft.Net.Http.Headers;

namespace Observatory.ApiService.Exports;

/// <summary>The representations <c>GET /api/v1/analyze/{id}</c> offers (CONTRACT §3 <c>?format=</c>).</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Markdown,
}

/// <summary>Which representation a request asks for, and how each one is labelled on the wire.</summary>
public static class ExportFormats
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string MarkdownContentType = "text/markdown; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// <c>?format=</c> wins over <c>Accept</c>; among Accept entries the highest quality wins (ties in the client's
    /// order), and entries naming nothing we offer are skipped. Without either, JSON. Only an unknown
    /// <c>format</c> value fails: an Accept we cannot satisfy still gets JSON rather than a 406, as browsers expect.
    /// </summary>
    public static bool TryNegotiate(string? query, IList<MediaTypeHeaderValue> accept, out ExportFormat format)
    {
        if (query is not null) return TryParse(query, out format);

        foreach (var media in accept.OrderByDescending(m => m.Quality ?? 1.0))
        {
            if (media.Quality is <= 0) continue;
            ExportFormat? offered = media.MediaType.Value?.ToLowerInvariant() switch
            {
                "text/csv" => ExportFormat.Csv,
                "text/markdown" => ExportFormat.Markdown,
                "application/json" or "application/*" or "*/*" => ExportFormat.Json,
                _ => null,
            };
            if (offered is { } chosen)
            {
                format = chosen;
                return true;
            }
        }
        format = ExportFormat.Json;
        return true;
    }

    public static bool TryParse(string value, out ExportFormat format)
    {
        switch (value.ToLowerInvariant())
        {
            case "json": format = ExportFormat.Json; return true;
            case "csv": format = ExportFormat.Csv; return true;
            case "markdown": format = ExportFormat.Markdown; return true;
            default: format = default; return false;
        }
    }

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => CsvContentType,
        ExportFormat.Markdown => MarkdownContentType,
        _ => JsonContentType,
    };

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Markdown => "md",
        _ => "json",
    };

    /// <summary><c>attachment; filename="analysis-{id}.{ext}"</c>: the id and extension need no escaping.</summary>
    public static string AttachmentFor(Guid id, ExportFormat format) =>
        $"attachment; filename=\"analysis-{id:D}.{Extension(format)}\"";
}
