using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>
/// A number per speaker (<c>{speaker: value}</c> in the contract), kept in the order of the speakers' first
/// appearance so the JSON object is written in the same order every time. Immutable; compares by content and order.
/// </summary>
[JsonConverter(typeof(SpeakerValuesJsonConverter))]
public sealed class SpeakerValues : IReadOnlyDictionary<string, double>, IEquatable<SpeakerValues>
{
    public static readonly SpeakerValues Empty = new([]);

    private readonly KeyValuePair<string, double>[] _entries;
    private readonly Dictionary<string, double> _lookup;

    /// <exception cref="ArgumentException">A speaker occurs twice.</exception>
    public SpeakerValues(IEnumerable<KeyValuePair<string, double>> entriesInOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        _entries = entriesInOrder.ToArray();
        _lookup = new Dictionary<string, double>(_entries.Length, StringComparer.Ordinal);
        foreach ((string speaker, double value) in _entries)
        {
            ArgumentNullException.ThrowIfNull(speaker);
            if (!_lookup.TryAdd(speaker, value))
            {
                throw new ArgumentException($"Speaker '{speaker}' occurs more than once.", nameof(entriesInOrder));
            }
        }
    }

    public int Count => _entries.Length;

    public double this[string key] => _lookup[key];

    public IEnumerable<string> Keys => _entries.Select(entry => entry.Key);

    public IEnumerable<double> Values => _entries.Select(entry => entry.Value);

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value) => _lookup.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, double>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SpeakerValues? other) =>
        other is not null && (ReferenceEquals(this, other) || _entries.AsSpan().SequenceEqual(other._entries));

    public override bool Equals(object? obj) => Equals(obj as SpeakerValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach ((string speaker, double value) in _entries)
        {
            hash.Add(speaker, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _entries.Select(entry => $"{entry.Key}: {entry.Value}"));
}
