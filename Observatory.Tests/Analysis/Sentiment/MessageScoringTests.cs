using Observatory.Analysis.Sentiment;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>How single messages score: the VADER-like rules a researcher would check by hand.</summary>
public class MessageScoringTests
{
    [Fact]
    public void Scores_are_normalized_like_vader()
    {
        // "good" is 2.7: 2.7 / √(2.7² + 15) = 0.57187…
        Assert.Equal(0.5719, Math.Round(SentimentOf.Message("This is good."), 4));
        // Negated: 2.7 × −0.74 = −1.998 → −1.998 / √(1.998² + 15) = −0.45846…
        Assert.Equal(-0.4585, Math.Round(SentimentOf.Message("This is not good."), 4));
    }

    [Theory]
    [InlineData("This is not good.")]
    [InlineData("This isn't good.")]
    [InlineData("This isn’t good.")]
    [InlineData("This is never helpful.")]
    [InlineData("I'm not happy with the service")]
    [InlineData("I don't think this is good.")]
    [InlineData("It doesn't work.")]
    [InlineData("The package never arrived.")]
    [InlineData("That was no help at all.")]
    public void Negation_turns_positive_words_negative(string message) => Assert.True(SentimentOf.Message(message) < -0.05, message);

    [Theory]
    [InlineData("The update went without any problems.")]
    [InlineData("There is nothing wrong with it.")]
    [InlineData("Don't worry about it.")]
    [InlineData("Not bad at all.")]
    [InlineData("No problem, happy to help!")]
    [InlineData("I can't wait to try it!")]
    [InlineData("I couldn't be happier.")]
    public void Negation_turns_negative_words_positive_and_fixed_phrases_keep_their_meaning(string message) =>
        Assert.True(SentimentOf.Message(message) > 0.05, message);

    [Fact]
    public void Honestly_is_a_stance_not_praise_and_dont_bother_is_dismissive()
    {
        // "honestly" is no form of "honest" (2.5): alone it carries nothing, before a sentiment word it intensifies.
        Assert.Equal(SentimentOf.Message("This is ridiculous."), SentimentOf.Message("Honestly, this is ridiculous."));
        Assert.True(SentimentOf.Message("I'm honestly impressed.") > SentimentOf.Message("I'm impressed."));
        Assert.True(SentimentOf.Message("Don't bother. I'm done.") < -0.3);
        Assert.True(SentimentOf.Message("It doesn't bother me.") > 0);
    }

    [Fact]
    public void Negation_stops_at_clause_punctuation()
    {
        Assert.True(SentimentOf.Message("No, it is great.") > 0.5);
    }

    [Fact]
    public void Latent_verbs_are_neutral_unless_negated()
    {
        Assert.Equal(0, SentimentOf.Message("Let me work on it."));
        Assert.False(SentimentOf.Read("Let me work on it.").HasSentiment);
        Assert.True(SentimentOf.Message("It is not working.") < 0);
        Assert.True(SentimentOf.Message("It works now.") > 0);
    }

    [Fact]
    public void Intensifiers_raise_and_diminishers_lower_the_magnitude()
    {
        double plain = SentimentOf.Message("The service was good.");
        Assert.True(SentimentOf.Message("The service was very good.") > plain);
        Assert.True(SentimentOf.Message("The service was extremely good.") > SentimentOf.Message("The service was very good."));
        Assert.True(SentimentOf.Message("The service was slightly good.") < plain);
        Assert.True(SentimentOf.Message("The service was kind of good.") < plain);
        Assert.True(SentimentOf.Message("The service was kind of good.") > 0);
        Assert.True(SentimentOf.Message("The delay was really bad.") < SentimentOf.Message("The delay was bad."));
    }

    [Fact]
    public void A_word_that_can_boost_boosts_when_a_sentiment_word_follows()
    {
        // "terribly" boosts "sorry" (mildly negative) instead of adding its own strong negativity…
        Assert.True(SentimentOf.Message("I'm terribly sorry about that.") > -0.3);
        // …and is strongly negative on its own.
        Assert.True(SentimentOf.Message("The launch went terribly.") < -0.5);
    }

    [Fact]
    public void The_clause_after_but_outweighs_the_clause_before()
    {
        Assert.True(SentimentOf.Message("The product is great but support was awful") < -0.3);
        Assert.True(SentimentOf.Message("Support was awful but the product is great") > 0.05);
        Assert.True(SentimentOf.Message("The product is great. However, support was awful.") < 0);
        Assert.True(SentimentOf.Message("Although the agent was friendly, the refund never arrived.") < -0.05);
    }

    [Fact]
    public void Capitals_and_exclamation_marks_add_emphasis()
    {
        double plain = SentimentOf.Message("This is great.");
        Assert.True(SentimentOf.Message("This is GREAT.") > plain);
        Assert.True(SentimentOf.Message("I am NOT happy.") < SentimentOf.Message("I am not happy.") + 1e-9);
        // A message written all in capitals has no contrast to emphasize.
        Assert.Equal(plain, SentimentOf.Message("THIS IS GREAT."));
        Assert.True(SentimentOf.Message("This is great!!") > SentimentOf.Message("This is great!"));
        Assert.True(SentimentOf.Message("This is great!") > plain);
        Assert.True(SentimentOf.Message("This is awful!!") < SentimentOf.Message("This is awful."));
        // Four marks is the ceiling.
        Assert.Equal(SentimentOf.Message("This is great!!!!"), SentimentOf.Message("This is great!!!!!!!!"));
    }

    [Fact]
    public void Elongated_words_are_recognized_and_emphasized()
    {
        Assert.True(SentimentOf.Message("sooo gooood") > SentimentOf.Message("good"));
        Assert.True(SentimentOf.Message("this is baaad") < 0);
    }

    [Theory]
    [InlineData("😀", 1)]
    [InlineData("👍", 1)]
    [InlineData("👍🏽", 1)]
    [InlineData("❤️", 1)]
    [InlineData("🙏🙏", 1)]
    [InlineData(":)", 1)]
    [InlineData(":-D", 1)]
    [InlineData(":)))", 1)]
    [InlineData("<3", 1)]
    [InlineData("😡😡", -1)]
    [InlineData("🤦‍♂️", -1)]
    [InlineData("👎", -1)]
    [InlineData(":(", -1)]
    [InlineData(":'(", -1)]
    [InlineData("</3", -1)]
    public void Emoji_only_messages_carry_sentiment(string message, int sign)
    {
        MessageScore read = SentimentOf.Read(message);
        Assert.True(read.HasSentiment);
        Assert.Equal(sign, Math.Sign(read.Score));
    }

    [Fact]
    public void Emoji_add_to_words_and_repeat_for_strength()
    {
        Assert.True(SentimentOf.Message("Thanks :)") > SentimentOf.Message("Thanks"));
        Assert.True(SentimentOf.Message("😡😡😡") < SentimentOf.Message("😡"));
        Assert.True(SentimentOf.Message("ok 👍") > SentimentOf.Message("ok"));
    }

    [Fact]
    public void Urls_and_paths_do_not_read_as_emoticons()
    {
        Assert.Equal(0, SentimentOf.Message("See https://example.com/docs and C:/temp"));
    }

    [Fact]
    public void Sarcasm_cues_flip_the_positive_word()
    {
        MessageScore sarcastic = SentimentOf.Read("Oh great, another update that breaks everything.");
        Assert.True(sarcastic.Sarcastic);
        Assert.True(sarcastic.Score < -0.3);
        Assert.True(SentimentOf.Message("Great update, it fixes everything.") > 0.3);

        Assert.True(SentimentOf.Message("Perfect, the app crashed again.") < -0.3);
        Assert.True(SentimentOf.Message("Just perfect.") < 0);
        Assert.True(SentimentOf.Message("I love how it crashes every time I open it.") < -0.3);
        Assert.True(SentimentOf.Message("I love how fast it is.") > 0.3);
        Assert.True(SentimentOf.Message("It'll be fixed by Monday, yeah right.") < 0);
        Assert.True(SentimentOf.Message("Thanks for nothing.") < -0.3);
    }

    [Fact]
    public void An_explicit_sarcasm_marker_flips_the_whole_message()
    {
        double literal = SentimentOf.Message("This is the best update ever");
        MessageScore marked = SentimentOf.Read("This is the best update ever /s");
        Assert.True(literal > 0.3);
        Assert.True(marked.Sarcastic);
        Assert.True(marked.Score < -0.3);
    }

    [Theory]
    [InlineData("Das ist ein sehr schönes Haus und ich bin zufrieden.")]
    [InlineData("这是一个很好的产品，我非常满意。")]
    [InlineData("Это очень хороший продукт!")]
    [InlineData("هذا منتج جيد جدا؟")]
    [InlineData("Questo prodotto è fantastico")]
    public void Text_in_other_languages_is_neutral_without_lexicon_hits(string message)
    {
        MessageScore read = SentimentOf.Read(message);
        Assert.Equal(0, read.Score);
        Assert.False(read.HasSentiment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("...!!!???")]
    [InlineData("—")]
    [InlineData("'''")]
    [InlineData("\uD83D")]
    [InlineData("a\u0301\u0301\u0301 e\u0308")]
    [InlineData("int main() { return x->y ? a : b; } // :) ")]
    [InlineData("\u200B\u200D\uFE0F")]
    [InlineData("ﷺ ﷽ 𝕳𝖊𝖑𝖑𝖔 𝐠𝐨𝐨𝐝")]
    public void Odd_text_never_crashes_and_stays_in_range(string message)
    {
        double score = SentimentOf.Message(message);
        Assert.InRange(score, -1, 1);
    }

    [Fact]
    public void Very_long_messages_stay_in_range()
    {
        string rant = string.Concat(Enumerable.Repeat("This is terrible and awful! ", 5_000));
        Assert.InRange(SentimentOf.Message(rant), -1, -0.99);
        string word = new('a', 100_000);
        Assert.Equal(0, SentimentOf.Message(word));
    }

    [Theory]
    [InlineData("What a waste of time.", -1)]
    [InlineData("Thank you so much!", 1)]
    [InlineData("It works like a charm.", 1)]
    [InlineData("I want a refund.", -1)]
    [InlineData("The app keeps crashing and I'm really frustrated.", -1)]
    [InlineData("Resolved, thanks for the quick help!", 1)]
    [InlineData("This is useless.", -1)]
    [InlineData("You have been incredibly helpful.", 1)]
    [InlineData("The answer was wrong and you hallucinated the citation.", -1)]
    [InlineData("Clear explanation, spot on.", 1)]
    [InlineData("well-written and well-designed docs", 1)]
    public void Support_and_assistant_vocabulary(string message, int sign) => Assert.Equal(sign, Math.Sign(SentimentOf.Message(message)));

    [Theory]
    [InlineData("Could you help me reset my password?")]
    [InlineData("Click on Settings and then Security.")]
    [InlineData("The function returns false when the value is protected.")]
    [InlineData("Please open a support ticket with your order number.")]
    public void Neutral_technical_text_stays_neutral(string message) => Assert.Equal(0, SentimentOf.Message(message));
}
