namespace Observatory.Analysis.Text;

/// <summary>
/// Every fractional number in a result is rounded here, once, when it is computed, so results compare and serialize
/// identically everywhere (the same double always prints the same shortest round-trip text).
/// </summary>
internal static class Precision
{
    public const int Decimals = 4;

    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>numerator / denominator rounded, or 0 when the denominator is 0 (never NaN, which JSON cannot hold).</summary>
    public static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : Round(numerator / denominator);
}
