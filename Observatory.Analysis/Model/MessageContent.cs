namespace Observatory.Analysis;

/// <summary>Rules for turning a client's content representation into the single string the engine analyzes.</summary>
public static class MessageContent
{
    /// <summary>
    /// Flattens content parts (<c>[{type:"text", text}]</c>) into one string. Text parts are joined with a line
    /// break so that words from adjacent parts never fuse; null or empty parts are skipped.
    /// </summary>
    public static string JoinParts(IEnumerable<string?> textParts)
    {
        ArgumentNullException.ThrowIfNull(textParts);
        return string.Join('\n', textParts.Where(part => !string.IsNullOrEmpty(part)));
    }
}
