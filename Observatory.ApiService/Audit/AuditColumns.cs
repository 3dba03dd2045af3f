using System.Text;

namespace Observatory.ApiService.Audit;

/// <summary>Makes a value from an audit event storable in its <c>audit_log</c> column whatever a client sent: no NUL
/// (PostgreSQL text cannot hold one), no lone UTF-16 surrogate (not encodable as UTF-8), and at most the column's
/// length, cut between characters rather than inside a surrogate pair.</summary>
public static class AuditColumns
{
    public const int Principal = 200;
    public const int Tier = 16;
    public const int KeyPrefix = 32;
    public const int ClientIp = 64;
    public const int Method = 16;
    public const int Path = 2048;
    public const int ResourceId = 64;
    public const int TraceId = 32;

    public static string? Fit(string? value, int maxLength)
    {
        if (value is null) return null;
        if (value.Length <= maxLength && !NeedsCleaning(value)) return value;

        var text = new StringBuilder(Math.Min(value.Length, maxLength));
        for (var i = 0; i < value.Length && text.Length < maxLength; i++)
        {
            var c = value[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (text.Length + 2 > maxLength) break;
                text.Append(c).Append(value[++i]);
            }
            else text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return text.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        foreach (var c in value)
            if (c == '\0' || char.IsSurrogate(c)) return true;
        return false;
    }
}
