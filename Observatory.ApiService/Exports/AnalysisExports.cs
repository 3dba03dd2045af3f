using Observatory.Analysis;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Exports;

/// <summary>The CSV and Markdown downloads of one finished analysis (CONTRACT §3 <c>?format=</c>).</summary>
public static class AnalysisExports
{
    /// <summary>The export of <paramref name="record"/>, which must have a result.</summary>
    public static ExportFileResult Of(AnalysisRecord record, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = record.ResultJson ?? throw new ArgumentException("Only an analysis with a result can be exported.", nameof(record));
        // Parsed when the response starts, not before: the handler only decides which export it is.
        Func<Stream, CancellationToken, Task> write = format switch
        {
            ExportFormat.Csv => (body, ct) => AnalysisCsvExport.WriteAsync(body, AnalysisResultJson.Deserialize(json), ct),
            ExportFormat.Markdown => (body, ct) => AnalysisMarkdownExport.WriteAsync(body, record, AnalysisResultJson.Deserialize(json), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is the resource itself, not an export file."),
        };
        return new ExportFileResult(ExportFormats.ContentType(format), ExportFormats.AttachmentFor(record.Id, format), write);
    }

    /// <summary>Why an analysis without a result has nothing to export (the 409 detail).</summary>
    public static string NothingToExport(AnalysisRecord record) => record.Status switch
    {
        AnalysisStatus.Failed => $"The analysis failed ({record.ErrorCode}: {record.ErrorMessage}), so there is no result to export.",
        AnalysisStatus.Cancelled => "The analysis was cancelled, so there is no result to export.",
        _ => $"The analysis is {record.Status} and has no result yet; export it once it has completed.",
    };
}
