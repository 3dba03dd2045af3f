namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// The terms of one conversation. Two id spaces, both dense and numbered in order of first appearance (so they are
/// deterministic): <em>surface</em> ids for distinct lower-cased tokens ("filing", "filed") and <em>stem</em> ids for
/// what they count as ("file"). Stop words get stem ids of their own (never shared with a content stem) so phrase
/// analyses can still match them, but <see cref="IsStopWord"/> keeps them out of anything topical.
/// </summary>
internal sealed class TermVocabulary
{
    internal TermVocabulary(
        string[] surfaces, int[] surfaceStems, int[] surfaceCounts,
        string[] stems, bool[] stopWords, string[] display, int[] documentFrequency, int[] totalCount)
    {
        Surfaces = surfaces;
        SurfaceStems = surfaceStems;
        SurfaceCounts = surfaceCounts;
        Stems = stems;
        StopWordFlags = stopWords;
        DisplayForms = display;
        DocumentFrequencies = documentFrequency;
        TotalCounts = totalCount;
    }

    /// <summary>Lower-cased token text by surface id.</summary>
    public string[] Surfaces { get; }

    /// <summary>Stem id of each surface id.</summary>
    public int[] SurfaceStems { get; }

    /// <summary>How often each surface occurs in the conversation.</summary>
    public int[] SurfaceCounts { get; }

    /// <summary>Stem text by stem id (a stop word's stem is the word itself).</summary>
    public string[] Stems { get; }

    public bool[] StopWordFlags { get; }

    /// <summary>Readable form of each stem: its most frequent surface (ties → ordinal-first).</summary>
    public string[] DisplayForms { get; }

    /// <summary>Number of messages that contain each content stem (0 for stop words, which are not counted).</summary>
    public int[] DocumentFrequencies { get; }

    /// <summary>Occurrences of each content stem in the whole conversation (0 for stop words).</summary>
    public int[] TotalCounts { get; }

    public int StemCount => Stems.Length;

    public int SurfaceCount => Surfaces.Length;

    public bool IsStopWord(int stemId) => StopWordFlags[stemId];

    /// <summary>The word to show for a stem ("filing" rather than "file" when "filing" was said most).</summary>
    public string Display(int stemId) => DisplayForms[stemId];

    public int StemOfSurface(int surfaceId) => SurfaceStems[surfaceId];
}
