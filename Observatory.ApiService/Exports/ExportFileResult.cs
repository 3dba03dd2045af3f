
namespace Observatory.ApiService.Exports;

/// <summary>
/// A 200 download written straight to the response body by <paramref name="write"/>, with
/// <c>Content-Disposition: attachment; filename="…"</c> spelled exactly as CONTRACT §3 shows it
/// (<c>TypedResults.Stream</c> would write <c>filename=…; filename*=…</c> instead).
/// </summary>
public sealed class ExportFileResult(string contentType, string contentDisposition, Func<Stream, CancellationToken, Task> write)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => contentType;
    public string ContentDisposition => contentDisposition;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = contentDisposition;
        await write(response.Body, httpContext.RequestAborted);
    }
}
