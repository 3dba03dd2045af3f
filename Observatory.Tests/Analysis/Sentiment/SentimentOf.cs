using Observatory.Analysis;
using Observatory.Analysis.Core;
using Observatory.Analysis.Sentiment;
using Observatory.Analysis.Sentiment.Lexicon;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>Short ways to score a message or analyze a conversation with the sentiment family alone.</summary>
internal static class SentimentOf
{
    /// <summary>The score of one message, −1..1.</summary>
    public static double Message(string message) => Read(message).Score;

    public static MessageScore Read(string message) => new MessageSentimentScorer(SentimentLexicon.Shared).Score(message);

    public static SentimentPattern Conversation(params (string Speaker, string Content)[] messages) => Conversation(TestConversation.Of(messages));

    public static SentimentPattern Conversation(Conversation conversation) =>
        SentimentAnalysis.Analyze(ConversationProfile.Build(conversation, CancellationToken.None), CancellationToken.None);
}
