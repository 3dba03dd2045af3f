namespace Observatory.Analysis.Text;

/// <summary>
/// Decides whether a message asks a question. Deliberately simple for now: it contains a question mark (ASCII,
/// full-width "？" or Arabic "؟"). Kept in one place so a richer detector replaces it everywhere at once.
/// </summary>
internal static class QuestionDetector
{
    public static bool IsQuestion(string content) => content.AsSpan().IndexOfAny('?', '？', '؟') >= 0;
}
