using System.Security.Cryptography;
using System.Text;

namespace Observatory.Identity;

/// <summary>API keys look like <c>obs_</c> + 32 random base62 characters + a 6-character checksum. The checksum lets
/// the gateway reject mistyped or made-up keys without a lookup, and lets secret scanners recognise a leaked key.
/// Only the SHA-256 of the whole key is ever stored.</summary>
public static class ApiKeyFormat
{
    public const string Marker = "obs_";
    private const int RandomLength = 32;
    private const int ChecksumLength = 6;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static int Length => Marker.Length + RandomLength + ChecksumLength;

    /// <summary>A new key and the prefix shown for it (<c>obs_</c> + 8 characters).</summary>
    public static (string Key, string Prefix) Generate()
    {
        var random = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        var key = Marker + random + Checksum(random);
        return (key, PrefixOf(key));
    }

    public static string PrefixOf(string key) => key[..(Marker.Length + 8)];

    /// <summary>True when the text has the shape of a key and its checksum matches.</summary>
    public static bool IsWellFormed(string? key)
    {
        if (key is null || key.Length != Length || !key.StartsWith(Marker, StringComparison.Ordinal)) return false;
        foreach (var c in key.AsSpan(Marker.Length))
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        var random = key.Substring(Marker.Length, RandomLength);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Checksum(random)), Encoding.ASCII.GetBytes(key[^ChecksumLength..]));
    }

    /// <summary>Lower-case hex SHA-256 of the key: what is stored and looked up.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));

    private static string Checksum(string random)
    {
        // The first four bytes of a SHA-256: a checksum, not a secret (System.IO.Hashing's CRC32 is not available here).
        var crc = BitConverter.ToUInt32(SHA256.HashData(Encoding.ASCII.GetBytes(random)), 0);
        Span<char> digits = stackalloc char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(crc % 62)];
            crc /= 62;
        }
        return new string(digits);
    }
}
