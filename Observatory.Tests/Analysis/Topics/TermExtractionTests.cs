using Observatory.Analysis;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Tests.Analysis.Topics;

public class TermExtractionTests
{
    private static List<string> Tokens(string text)
    {
        var tokenizer = new TermTokenizer();
        tokenizer.Reset(text);
        var tokens = new List<string>();
        while (tokenizer.TryNext(out ReadOnlySpan<char> token))
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    [Fact]
    public void Tokens_are_lower_case_words_without_urls_emails_numbers_or_single_letters()
    {
        Assert.Equal(
            ["email", "me", "at", "or", "see", "docs", "it", "gpt-4", "follow", "up", "from", "e-mail", "o'clock"],
            Tokens("Email me at ada@example.com or see (https://x.io/a-b) DOCS — it's GPT-4's follow-up from 2024, e-mail, 10:30, o’clock a b!"));
        Assert.Equal(["visit", "for", "news"], Tokens("Visit www.example.org for news"));
        Assert.Equal(["the", "user", "settings", "x-ray", "t-shirt", "re", "run"], Tokens("the user's settings, x-ray t-shirt re-run"));
    }

    [Fact]
    public void Other_scripts_stay_words_and_emoji_are_not_words()
    {
        Assert.Equal(["привет", "мир", "naïve", "café"], Tokens("Привет, мир! naïve café 🎉👍"));
        Assert.Empty(Tokens("👍🎉 🙂 ... !!! 42"));
        Assert.Empty(Tokens(""));
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("filed", "file")]
    [InlineData("files", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("generalizations", "gener")]
    [InlineData("adjustment", "adjust")]
    [InlineData("controlling", "control")]
    [InlineData("roll", "roll")]
    [InlineData("taxes", "tax")]
    [InlineData("cooking", "cook")]
    [InlineData("passwords", "password")]
    [InlineData("is", "is")]
    [InlineData("café", "café")]
    [InlineData("gpt-4", "gpt-4")]
    public void The_stemmer_follows_porter(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void The_stop_list_covers_function_words_and_chat_filler()
    {
        Assert.InRange(StopWords.Count, 300, 600);
        foreach (string word in new[] { "the", "and", "would", "don't", "dont", "ok", "okay", "yeah", "thanks", "hi", "please", "sure", "um", "like", "lol" })
        {
            Assert.True(StopWords.Contains(word), word);
        }

        foreach (string word in new[] { "password", "refund", "tax", "pasta", "course", "time" })
        {
            Assert.False(StopWords.Contains(word), word);
        }
    }

    [Fact]
    public void Messages_become_sorted_term_ids_with_counts_over_one_vocabulary()
    {
        var messages = new List<ConversationMessage>
        {
            new(0, "A", SpeakerRole.Human, "Refunds, refund, REFUND! Please refund my order.", null),
            new(1, "B", SpeakerRole.Ai, "Your refund for the order was filed.", null),
            new(2, "A", SpeakerRole.Human, "👍", null),
        };

        MessageTerms terms = TermExtractor.Build(messages, CancellationToken.None);
        TermVocabulary vocabulary = terms.Vocabulary;
        TermDocument first = terms.Documents[0];
        TermDocument second = terms.Documents[1];

        Assert.Equal(["refund", "order"], first.Terms.Select(vocabulary.Display));
        Assert.Equal([4, 1], first.Counts);
        Assert.True(first.Terms.SequenceEqual(first.Terms.Order()));
        Assert.Equal(["refund", "order", "filed"], second.Terms.Select(vocabulary.Display));
        Assert.Equal(first.Terms[0], second.Terms[0]); // one vocabulary: "refund" has one id everywhere
        Assert.False(terms.Documents[2].HasTerms);
        Assert.Empty(terms.Documents[2].Tokens);
        Assert.Equal(7, first.Tokens.Length); // stop words stay in the token stream ("please", "my")
        Assert.Equal(2, vocabulary.DocumentFrequencies[first.Terms[0]]);
        Assert.Equal(5, vocabulary.TotalCounts[first.Terms[0]]);
        Assert.Equal(2, terms.MessagesWithTerms);
    }

    [Fact]
    public void A_stem_is_shown_as_its_most_frequent_word_and_ties_go_to_the_alphabetically_first()
    {
        var messages = new List<ConversationMessage>
        {
            new(0, "A", SpeakerRole.Human, "cooking cooked cooking", null),
            new(1, "B", SpeakerRole.Human, "connects connected", null),
        };

        TermVocabulary vocabulary = TermExtractor.Build(messages, CancellationToken.None).Vocabulary;

        Assert.Equal(["cooking", "connected"], Enumerable.Range(0, vocabulary.StemCount).Where(s => !vocabulary.IsStopWord(s)).Select(vocabulary.Display));
    }
}
