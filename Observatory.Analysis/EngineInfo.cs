namespace Observatory.Analysis;

/// <summary>Identifies the built-in engine in every result, so a stored result says which rules produced it.</summary>
public static class EngineInfo
{
    public const string Version = "0.2.0";
}
