using Observatory.Analysis.Sentiment;
using Observatory.Analysis.Sentiment.Lexicon;
using Xunit.Abstractions;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>The lexicon is data the team wrote by hand: these tests keep it consistent with the tokenizer.</summary>
public class SentimentLexiconTests(ITestOutputHelper output)
{
    private static readonly SentimentLexicon Lexicon = SentimentLexicon.Shared;

    [Fact]
    public void The_lexicon_has_thousands_of_entries_and_no_duplicates()
    {
        int phrases = Lexicon.Words.Keys.Count(key => key.Contains(' '));
        int withValence = Lexicon.Words.Values.Count(entry => entry.Valence != 0);
        output.WriteLine($"{Lexicon.Words.Count} words and phrases ({phrases} phrases, {withValence} with a valence), {Lexicon.EmojiCount} emoji, {Lexicon.EmoticonCount} emoticons");
        Assert.True(withValence >= 3000, $"{withValence} entries with a valence");
        Assert.True(Lexicon.EmojiCount >= 100);
        Assert.True(Lexicon.EmoticonCount >= 30);
        Assert.Empty(Lexicon.Duplicates);
    }

    [Fact]
    public void Valences_and_boosters_are_in_range()
    {
        Assert.All(Lexicon.Words, pair =>
        {
            Assert.InRange(pair.Value.Valence, -4, 4);
            Assert.InRange(pair.Value.Boost, -0.5, 0.5);
            Assert.Equal(pair.Key.Trim(), pair.Key);
            Assert.DoesNotContain("  ", pair.Key);
            Assert.Equal(pair.Key.ToLowerInvariant(), pair.Key);
        });
    }

    [Fact]
    public void Every_entry_with_a_valence_scores_with_its_sign_when_written_alone()
    {
        // Catches entries the tokenizer can never produce (hyphens, stray punctuation) and phrases it cannot reach.
        var wrong = new List<string>();
        var scorer = new MessageSentimentScorer(Lexicon);
        foreach ((string key, LexiconEntry entry) in Lexicon.Words.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (entry.Valence == 0 || entry.Has(LexiconRoles.Latent))
            {
                continue;
            }

            double score = scorer.Score(key).Score;
            if (Math.Sign(score) != Math.Sign(entry.Valence))
            {
                wrong.Add($"{key} ({entry.Valence}) → {score}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Formulas_are_words_with_a_valence_of_their_own()
    {
        // A formula line naming a form the data lacks would add a valence-less entry that hides the inflection rules.
        var formulas = Lexicon.Words.Where(pair => pair.Value.Has(LexiconRoles.Formula)).ToArray();
        Assert.Contains(formulas, pair => pair.Key == "thank you");
        Assert.All(formulas, pair => Assert.True(pair.Value.Valence != 0 && pair.Value.Family != 0, pair.Key));
    }

    [Fact]
    public void Latent_entries_score_only_when_negated()
    {
        Assert.All(Lexicon.Words.Where(pair => pair.Value.Has(LexiconRoles.Latent)), pair =>
        {
            Assert.Equal(0, SentimentOf.Message(pair.Key));
            Assert.True(SentimentOf.Message("not " + pair.Key) < 0, pair.Key);
        });
    }
}
