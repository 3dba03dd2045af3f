using Observatory.Analysis;

namespace Observatory.ApiService.Examples;

/// <summary>The bundled example conversations that <c>{"example": "name"}</c> refers to (CONTRACT §8).</summary>
public interface IExampleCatalog
{
    Conversation? Find(string name);
}
