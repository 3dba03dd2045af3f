using Observatory.Analysis.Text;

namespace Observatory.Analysis.Dialectic;

/// <summary>What the dialectic analysis read in one message: its questions, its move and the cue counts the
/// structure rules aggregate per speaker.</summary>
internal readonly record struct MessageReading(MessageQuestions Questions, DialecticMove Move, MessageCues Cues, int Words);

/// <summary>How many marker phrases of each structure cue one message holds (see <see cref="DiscourseLexicon"/>).</summary>
internal readonly record struct MessageCues(
    int Leading,
    int Problem,
    int Service,
    int Explanation,
    int FirstPerson,
    int Instruction,
    int Learning);
