using System.Collections.Frozen;

namespace Observatory.Analysis;

/// <summary>Convenience sets of <see cref="PatternFamily"/> values.</summary>
public static class PatternFamilies
{
    /// <summary>Every family: the default when a client does not list <c>options.patterns</c>.</summary>
    public static IReadOnlySet<PatternFamily> All { get; } = Enum.GetValues<PatternFamily>().ToFrozenSet();

    public static IReadOnlySet<PatternFamily> None { get; } = FrozenSet<PatternFamily>.Empty;
}
