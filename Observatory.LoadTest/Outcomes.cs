using System.Collections.Concurrent;

namespace Observatory.LoadTest;

/// <summary>Counts of requests by outcome ("202", "500", "timeout", "connection") with the first detail of each.</summary>
public sealed class Outcomes
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, string> _firstDetail = new();

    public void Add(string outcome, string? detail = null)
    {
        _counts.AddOrUpdate(outcome, 1, static (_, n) => n + 1);
        if (detail is not null)
        {
            _firstDetail.TryAdd(outcome, detail);
        }
    }

    public int Total => _counts.Values.Sum();

    public int CountOf(string outcome) => _counts.TryGetValue(outcome, out int n) ? n : 0;

    /// <summary>"500×3, timeout×1", or "none" — every outcome except <paramref name="success"/>.</summary>
    public string Describe(params string[] success)
    {
        var errors = _counts.Where(pair => !success.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        return errors.Count == 0 ? "none" : string.Join(", ", errors.Select(pair => $"{pair.Key}×{pair.Value}"));
    }

    public int ErrorCount(params string[] success) => _counts.Where(pair => !success.Contains(pair.Key)).Sum(pair => pair.Value);

    public IEnumerable<(string Outcome, string Detail)> FirstDetails(params string[] success) =>
        _firstDetail.Where(pair => !success.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value));
}
