using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Observatory.Analysis.Security;

/// <summary>
/// Decodes long base64 runs (≥ <see cref="MinRun"/> characters, standard or URL-safe alphabet) that decode to
/// readable text, so instructions hidden in a blob can be checked like visible ones. Binary payloads (images, keys)
/// decode to unreadable bytes and are ignored. At most <see cref="MaxBlobs"/> blobs of ≤ <see cref="MaxRun"/>
/// characters per message are decoded, so a message of megabytes of base64 stays cheap.
/// </summary>
internal static class EncodedPayloadScanner
{
    public const int MinRun = 40;
    private const int MaxRun = 8192;
    private const int MaxBlobs = 4;
    private const double MinPrintableShare = 0.9;

    /// <summary>Base64 and base64url characters plus padding, indexed by ASCII code.</summary>
    private static readonly bool[] Alphabet = BuildAlphabet();

    /// <summary>Readable texts decoded from the message's base64 runs (empty when there are none).</summary>
    public static List<string>? DecodeReadable(string text)
    {
        List<string>? decoded = null;
        int blobs = 0;
        int runStart = 0;
        for (int i = 0; i <= text.Length && blobs < MaxBlobs; i++)
        {
            if (i < text.Length && text[i] < 128 && Alphabet[text[i]])
            {
                continue;
            }

            int length = i - runStart;
            if (length >= MinRun && length <= MaxRun)
            {
                blobs++;
                if (TryDecode(text.AsSpan(runStart, length)) is { } readable)
                {
                    (decoded ??= []).Add(readable);
                }
            }

            runStart = i + 1;
        }

        return decoded;
    }

    private static bool[] BuildAlphabet()
    {
        var alphabet = new bool[128];
        foreach (char c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=")
        {
            alphabet[c] = true;
        }

        return alphabet;
    }

    private static string? TryDecode(ReadOnlySpan<char> run)
    {
        // Normalise URL-safe characters and padding into a standard base64 buffer.
        ReadOnlySpan<char> body = run.TrimEnd('=');
        if (body.IndexOf('=') >= 0 || body.Length % 4 == 1)
        {
            return null;
        }

        int padded = (body.Length + 3) / 4 * 4;
        char[] buffer = ArrayPool<char>.Shared.Rent(padded);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(padded / 4 * 3);
        try
        {
            for (int i = 0; i < body.Length; i++)
            {
                char c = body[i];
                buffer[i] = c == '-' ? '+' : c == '_' ? '/' : c;
            }

            buffer.AsSpan(body.Length, padded - body.Length).Fill('=');
            if (!Convert.TryFromBase64Chars(buffer.AsSpan(0, padded), bytes, out int written) || written == 0)
            {
                return null;
            }

            ReadOnlySpan<byte> decodedBytes = bytes.AsSpan(0, written);
            if (!Utf8.IsValid(decodedBytes))
            {
                return null;
            }

            int printable = 0;
            foreach (byte b in decodedBytes)
            {
                printable += b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t' || b >= 0x80 ? 1 : 0;
            }

            if (printable < MinPrintableShare * written)
            {
                return null;
            }

            return Encoding.UTF8.GetString(bytes, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
