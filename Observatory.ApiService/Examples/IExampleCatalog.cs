using Observatory.Analysis;

namespace Observatory.ApiService.Examples;

/// <summary>The bundled example conversations that <c>{"example": "name"}</c> refers to (CONTRACT §8).</summary>
public interface IExampleCatalog
{
    /// <summary>Every example, in manifest order.</summary>
    IReadOnlyList<ExampleEntry> Entries { get; }

    /// <summary>The example with exactly this name, or null.</summary>
    ExampleEntry? Get(string name);

    Conversation? Find(string name);
}
