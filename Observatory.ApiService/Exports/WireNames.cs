using System.Collections.Frozen;
using System.Text.Json;

namespace Observatory.ApiService.Exports;

/// <summary>Enum members as the result JSON spells them ("turning_point", "ai"), so exports use the same words.</summary>
internal static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static string Of(TEnum value) => Names[value];
}
