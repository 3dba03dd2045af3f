namespace Observatory.Contracts.Batches;

/// <summary>The wire names of priorities and their stored values (0 high, 1 normal, 2 low: the job stream order).</summary>
public static class BatchPriorities
{
    private static readonly string[] Wire = ["high", "normal", "low"];

    public static IReadOnlyList<string> Names => Wire;

    public static bool TryParse(string? name, out short value)
    {
        value = (short)Array.IndexOf(Wire, name);
        return value >= 0;
    }

    public static string NameOf(short value) => value is >= 0 and <= 2 ? Wire[value] : "normal";
}
