using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>What part a speaker plays in a conversation. Serialized as "human", "ai", "system", "participant".</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpeakerRole>))]
public enum SpeakerRole
{
    Human,
    Ai,
    System,
    /// <summary>Anyone whose label is not a known role name (e.g. "Ada", "Interviewer").</summary>
    Participant,
}
