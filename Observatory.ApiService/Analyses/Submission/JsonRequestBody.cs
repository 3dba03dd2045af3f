using Microsoft.AspNetCore.Http.HttpResults;
using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Observatory.ApiService.Problems;

namespace Observatory.ApiService.Analyses.Submission;

/// <summary>Reads a JSON request body under a byte limit and parses it, turning every way a body can be unusable
/// into the problem CONTRACT §2 names: 415 wrong content type, 413 too large, 400 invalid UTF-8 / NUL bytes /
/// malformed JSON. Bodies are read by hand (not model-bound) so each of these gets a precise answer.</summary>
public static class JsonRequestBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static async Task<(JsonDocument? Document, byte[]? Raw, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            return (null, null, Problems.Problems.UnsupportedMediaType(request.ContentType));
        if (request.ContentLength > maxBytes)
            return (null, null, Problems.Problems.PayloadTooLarge(maxBytes));

        // Let Kestrel enforce the same bound for chunked bodies that announce no length.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = maxBytes + 1;

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes + 1));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(64 * 1024);
                var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes) return (null, null, Problems.Problems.PayloadTooLarge(maxBytes));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, Problems.Problems.PayloadTooLarge(maxBytes));
        }

        var raw = buffer.WrittenSpan.ToArray();
        if (raw.Length == 0) return (null, null, Problems.Problems.InvalidBody("$", "The request body is empty; send a JSON object."));
        if (!Utf8.IsValid(raw)) return (null, null, Problems.Problems.InvalidBody("$", "The request body is not valid UTF-8."));
        if (Array.IndexOf(raw, (byte)0) >= 0) return (null, null, Problems.Problems.InvalidBody("$", "The request body contains a NUL byte."));

        try
        {
            var document = JsonDocument.Parse(raw, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, null, Problems.Problems.InvalidBody("$", "The request body must be a JSON object."));
            }
            return (document, raw, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, null, Problems.Problems.InvalidBody(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"Malformed JSON{where}."));
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
