namespace Observatory.Analysis.Sentiment;

/// <summary>
/// The sentiment of one message: <paramref name="Score"/> in −1..1, whether any word, phrase, emoji or emoticon of
/// the lexicon contributed (<paramref name="HasSentiment"/>; a message without is neutral by absence of evidence),
/// and whether a sarcasm cue changed the reading.
/// </summary>
internal readonly record struct MessageScore(double Score, bool HasSentiment, bool Sarcastic);
