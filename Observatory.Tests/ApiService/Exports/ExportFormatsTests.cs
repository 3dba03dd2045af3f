using Microsoft.Net.Http.Headers;
using Observatory.ApiService.Exports;

namespace Observatory.Tests.ApiService.Exports;

/// <summary>Which representation of an analysis a request gets.</summary>
public sealed class ExportFormatsTests
{
    private static ExportFormat? Negotiate(string? query, string? accept)
    {
        var list = accept is null ? [] : MediaTypeHeaderValue.ParseList([accept]);
        return ExportFormats.TryNegotiate(query, list, out var format) ? format : null;
    }

    [Theory]
    [InlineData(null, null, ExportFormat.Json)]
    [InlineData("json", null, ExportFormat.Json)]
    [InlineData("csv", null, ExportFormat.Csv)]
    [InlineData("markdown", null, ExportFormat.Markdown)]
    [InlineData("CSV", null, ExportFormat.Csv)]
    [InlineData(null, "text/csv", ExportFormat.Csv)]
    [InlineData(null, "text/markdown", ExportFormat.Markdown)]
    [InlineData(null, "application/json", ExportFormat.Json)]
    [InlineData("csv", "text/markdown", ExportFormat.Csv)]                        // the query wins
    [InlineData("json", "text/csv", ExportFormat.Json)]
    [InlineData(null, "text/html,application/xhtml+xml,*/*;q=0.8", ExportFormat.Json)]   // a browser
    [InlineData(null, "text/csv;q=0.5, text/markdown", ExportFormat.Markdown)]   // quality decides
    [InlineData(null, "text/csv;q=0, */*", ExportFormat.Json)]                  // q=0 means "not this"
    [InlineData(null, "image/png", ExportFormat.Json)]
    public void The_query_wins_then_accept_then_json(string? query, string? accept, ExportFormat expected) =>
        Assert.Equal(expected, Negotiate(query, accept));

    [Theory]
    [InlineData("xml")]
    [InlineData("md")]
    [InlineData("")]
    public void An_unknown_format_is_refused(string query) => Assert.Null(Negotiate(query, "text/csv"));
}
