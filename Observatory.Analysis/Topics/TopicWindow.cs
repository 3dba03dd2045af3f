namespace Observatory.Analysis.Topics;

/// <summary>
/// The scale the topics analysis works at, from the conversation's length alone. Chat turns are short, so one message
/// is too little text to compare; a window of w consecutive messages is the unit both for the TF-IDF "documents" and
/// for the two blocks compared at each gap. w = ⌈√n / 2⌉ + 1, between 2 and 10 (3 for 5–16 messages, 6 at 100, 10 from
/// about 290 on): a block of three short turns already carries enough words to compare (two turns often share none
/// even on one subject), and longer conversations get wider blocks so their cohesion curve does not drown in
/// turn-to-turn noise — but never so wide that a topic of a dozen messages inside a long log is blurred away.
/// </summary>
internal static class TopicWindow
{
    public const int MinSize = 2;
    public const int MaxSize = 10;

    /// <summary>At most this many segments, however long the conversation (so a 10,000-message log stays readable).</summary>
    public const int MaxSegments = 30;

    /// <summary>Conversations this short are one segment: there is nothing to compare a block with.</summary>
    public const int MaxMessagesForSingleSegment = 3;

    public static int Size(int messageCount) =>
        Math.Clamp((int)Math.Ceiling(Math.Sqrt(messageCount) / 2) + 1, MinSize, MaxSize);

    /// <summary>A segment shorter than one window could not have been told apart from its neighbours.</summary>
    public static int MinSegmentLength(int window) => Math.Max(MinSize, window);
}
