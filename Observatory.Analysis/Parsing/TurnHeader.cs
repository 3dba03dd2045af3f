namespace Observatory.Analysis.Parsing;

/// <summary>
/// A line that looks like the start of a turn: "[10:04] Ada: text". Whether it really starts one depends on the
/// whole transcript (see <see cref="TranscriptParser"/>). <see cref="ContentStart"/> is where the turn's text
/// begins in the line.
/// </summary>
internal readonly record struct TurnHeader(string Label, LineTime? Time, int ContentStart);
