namespace Observatory.Identity;

/// <summary>The <c>WWW-Authenticate</c> challenge of a 401 (RFC 9110 §11.6.1 requires one). Without a credential the
/// challenge carries no error code (RFC 6750 §3.1); a credential that was refused names <c>invalid_token</c>.</summary>
public static class BearerChallenge
{
    public const string CredentialsNeeded = "Bearer realm=\"observatory\"";

    public static string InvalidToken(string description) =>
        $"Bearer realm=\"observatory\", error=\"invalid_token\", error_description=\"{description.Replace("\"", "'", StringComparison.Ordinal)}\"";
}
