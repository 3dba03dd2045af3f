using System.Buffers;
using System.Text;

namespace Observatory.ApiService.Exports;

/// <summary>
/// Export text on its way to the response. Writers append to <see cref="Text"/> and call <see cref="WriteIfFullAsync"/>
/// after each row, so memory stays at about one chunk however long the export is, and the body sees a few large
/// writes rather than one per cell (Kestrel's response stream sends on every write).
/// </summary>
internal sealed class ExportTextBuffer(Stream output)
{
    private const int ChunkChars = 32 * 1024;

    // One encoder for the whole export: a surrogate pair split between two chunks is still encoded correctly.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    public StringBuilder Text { get; } = new(ChunkChars + 4 * 1024);

    public ValueTask WriteIfFullAsync(CancellationToken cancellationToken) =>
        Text.Length >= ChunkChars ? WriteAsync(final: false, cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes what is left and flushes the output.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(final: true, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private async ValueTask WriteAsync(bool final, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Text.Length));
        try
        {
            var written = Encode(bytes, final);
            Text.Clear();
            if (written > 0)
            {
                await output.WriteAsync(bytes.AsMemory(0, written), cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private int Encode(byte[] bytes, bool final)
    {
        var written = 0;
        foreach (var chunk in Text.GetChunks())
            written += _encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        if (final) written += _encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return written;
    }
}
