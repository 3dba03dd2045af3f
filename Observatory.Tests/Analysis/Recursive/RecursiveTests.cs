using System.Text.Json;
using Observatory.Analysis;
using Observatory.Tests.Analysis.Topics;

namespace Observatory.Tests.Analysis.Recursive;

public class RecursiveTests
{
    [Fact]
    public void A_loop_hidden_in_polite_rephrasings_is_found()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.PoliteRephrasings);

        RepetitionLoop loop = Assert.Single(recursive.Loops);
        Assert.Equal((0, 4, 3), (loop.StartIndex, loop.EndIndex, loop.Occurrences));
        Assert.Equal([0, 2, 4], loop.Indices);
        Assert.Equal("message", loop.Kind);
        Assert.Equal("Could you please reset my password?", loop.Phrase);

        // 2 of the 6 comparable messages repeat an earlier one; no three-word phrase is reused.
        Assert.Equal(0.3333, recursive.NearDuplicateShare);
        Assert.Equal(0, recursive.ShingleRedundancy);
        Assert.Equal(0.2, recursive.RepetitionScore); // 0.6 × 1/3 + 0.4 × 0
        Assert.True(recursive.Supported);
    }

    [Fact]
    public void An_assistant_giving_the_same_answer_again_and_again_is_a_loop()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.AssistantRepeatsItself);

        RepetitionLoop loop = Assert.Single(recursive.Loops);
        Assert.Equal([1, 3, 5], loop.Indices);
        Assert.Equal((1, 5, 3), (loop.StartIndex, loop.EndIndex, loop.Occurrences));
        Assert.StartsWith("I'm sorry to hear that. Your order is on its way", loop.Phrase);

        // Comparable messages: 0, 1, 3, 5 (the two short complaints have one content word each); 3 and 5 repeat 1.
        Assert.Equal(0.5, recursive.NearDuplicateShare);
        Assert.InRange(recursive.ShingleRedundancy, 0.5, 0.67);
        Assert.InRange(recursive.RepetitionScore, 0.5, 0.6);
    }

    [Fact]
    public void A_user_repeating_the_same_demand_is_a_loop_and_so_is_a_substantial_answer_pasted_twice()
    {
        RecursivePattern user = RecursiveChats.Analyze(RecursiveChats.Of(
            ("Customer", "Refund my order now."),
            ("Agent", "Let me look at the order."),
            ("Customer", "Refund my order now!"),
            ("Agent", "I see it was shipped yesterday."),
            ("Customer", "REFUND MY ORDER NOW.")));
        RecursivePattern pasted = RecursiveChats.Analyze(RecursiveChats.Of(
            ("User", "How do I export my data?"),
            ("Bot", "Open Settings, choose Privacy, select Export data and confirm with your password."),
            ("User", "That menu doesn't exist on my phone."),
            ("Bot", "Open Settings, choose Privacy, select Export data and confirm with your password.")));

        Assert.Equal([0, 2, 4], Assert.Single(user.Loops).Indices);
        Assert.Equal([1, 3], Assert.Single(pasted.Loops).Indices);
    }

    [Fact]
    public void A_formula_repeated_inside_different_answers_is_a_phrase_loop()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.FormulaicOpenings);

        RepetitionLoop loop = Assert.Single(recursive.Loops);
        Assert.Equal("phrase", loop.Kind);
        Assert.Equal("understand your frustration with the delayed delivery", loop.Phrase);
        Assert.Equal([0, 2, 4], loop.Indices);
        Assert.Equal(0, recursive.NearDuplicateShare); // the answers differ as wholes
        // "understand your frustration" and "the delayed delivery" come back twice each: 4 of 23 phrase occurrences.
        Assert.Equal(0.1739, recursive.ShingleRedundancy);
        Assert.Equal(0.0696, recursive.RepetitionScore);
    }

    [Fact]
    public void A_varied_conversation_has_no_loops_and_a_score_near_zero()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(TopicsChats.JapanTrip);

        Assert.Empty(recursive.Loops);
        Assert.Equal(0, recursive.NearDuplicateShare);
        Assert.InRange(recursive.RepetitionScore, 0, 0.02);
    }

    [Fact]
    public void Recurrences_far_apart_are_separate_loops()
    {
        var messages = new List<(string, string)>();
        for (int i = 0; i < 40; i++)
        {
            bool repeat = i is 0 or 2 or 4 or 30 or 32 or 34;
            messages.Add(("P" + (i % 2), repeat ? "Where is the quarterly budget spreadsheet?" : $"Status {i}: item{i} checked by owner{i}."));
        }

        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.Of([.. messages]));

        Assert.Equal([(0, 4), (30, 34)], recursive.Loops.Select(l => (l.StartIndex, l.EndIndex)));
        Assert.All(recursive.Loops, l => Assert.Equal("Where is the quarterly budget spreadsheet?", l.Phrase));
    }

    [Fact]
    public void A_term_brought_back_long_after_it_was_introduced_is_a_callback()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.SourdoughCallback);

        // 16 messages: a callback needs a gap of at least 8. "sourdough" and "starter" both return at 15; one callback
        // per referred message, the tie going to the alphabetically first term. "traffic" (3 → 11) is a real callback too.
        Assert.Equal(
            [(11, 3, "traffic", 8), (15, 0, "sourdough", 15)],
            recursive.Callbacks.Select(c => (c.Index, c.RefersToIndex, c.Term, c.Gap)));
        Assert.Empty(recursive.Loops);
    }

    [Fact]
    public void Terms_that_keep_coming_up_or_return_quickly_are_not_callbacks()
    {
        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.Of(
            ("A", "The invoice is wrong."),
            ("B", "Which invoice?"),
            ("A", "The March invoice, the totals are off."),
            ("B", "I will correct the invoice today.")));

        Assert.Empty(recursive.Callbacks);
    }

    [Fact]
    public void Thousands_of_copies_of_one_message_are_one_loop()
    {
        var messages = Enumerable.Range(0, 3000).Select(i => ("P" + (i % 2), "Please check the build server logs again.")).ToArray();

        RecursivePattern recursive = RecursiveChats.Analyze(RecursiveChats.Of(messages));

        RepetitionLoop loop = Assert.Single(recursive.Loops);
        Assert.Equal((0, 2999, 3000), (loop.StartIndex, loop.EndIndex, loop.Occurrences));
        Assert.Equal(0.9997, recursive.NearDuplicateShare); // 2,999 of 3,000 repeat an earlier message
        Assert.True(recursive.RepetitionScore > 0.99);
    }

    [Fact]
    public void The_result_serializes_with_snake_case_names_including_the_added_fields()
    {
        AnalysisResult analyzed = new ConversationAnalyzer().Analyze(RecursiveChats.PoliteRephrasings, PatternFamilies.All);
        AnalysisResult result = analyzed with
        {
            Patterns = analyzed.Patterns with { Recursive = RecursiveChats.Analyze(RecursiveChats.PoliteRephrasings) },
        };

        string json = AnalysisResultJson.Serialize(result);

        Assert.Contains(
            "\"recursive\":{\"repetition_score\":0.2,\"loops\":[{\"start_index\":0,\"end_index\":4,"
            + "\"phrase\":\"Could you please reset my password?\",\"occurrences\":3,\"kind\":\"message\",\"indices\":[0,2,4]}],"
            + "\"callbacks\":[],\"near_duplicate_share\":0.3333,\"shingle_redundancy\":0,\"supported\":true}",
            json);
    }

    [Fact]
    public void Random_messy_conversations_never_break_the_invariants()
    {
        foreach (Conversation conversation in MessyConversations.Generate(count: 60, seed: 11))
        {
            RecursivePattern recursive = RecursiveChats.Analyze(conversation);
            int n = conversation.Messages.Count;

            Assert.InRange(recursive.RepetitionScore, 0, 1);
            Assert.InRange(recursive.NearDuplicateShare, 0, 1);
            Assert.InRange(recursive.ShingleRedundancy, 0, 1);
            Assert.InRange(recursive.Loops.Count, 0, 20);
            Assert.InRange(recursive.Callbacks.Count, 0, 20);
            foreach (RepetitionLoop loop in recursive.Loops)
            {
                Assert.Equal(loop.Occurrences, loop.Indices.Count);
                Assert.True(loop.Occurrences >= 2);
                Assert.Equal(loop.StartIndex, loop.Indices[0]);
                Assert.Equal(loop.EndIndex, loop.Indices[^1]);
                Assert.True(loop.Indices.SequenceEqual(loop.Indices.Distinct().Order()));
                Assert.InRange(loop.EndIndex, 0, n - 1);
                Assert.InRange(loop.Phrase.Length, 1, 160);
            }

            foreach (TermCallback callback in recursive.Callbacks)
            {
                Assert.InRange(callback.RefersToIndex, 0, callback.Index - 1);
                Assert.InRange(callback.Index, 0, n - 1);
                Assert.True(callback.Gap >= 8);
            }
        }
    }

    [Fact]
    public void A_cancelled_analysis_stops()
    {
        var profile = Observatory.Analysis.Core.ConversationProfile.Build(RecursiveChats.PoliteRephrasings, CancellationToken.None);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Observatory.Analysis.Recursive.RecursiveAnalysis.Analyze(profile, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_same_conversation_always_gives_the_same_result()
    {
        string first = JsonSerializer.Serialize(RecursiveChats.Analyze(RecursiveChats.FormulaicOpenings));
        string second = JsonSerializer.Serialize(RecursiveChats.Analyze(RecursiveChats.FormulaicOpenings));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Emoji_and_other_scripts_do_not_crash_and_report_nothing_they_cannot_support()
    {
        RecursivePattern emoji = RecursiveChats.Analyze(RecursiveChats.Of(("A", "👍👍"), ("B", "👍👍"), ("A", "👍👍"), ("B", "🙂")));
        RecursivePattern chinese = RecursiveChats.Analyze(RecursiveChats.Of(
            ("A", "我想重置我的密码"), ("B", "好的，请稍等"), ("A", "我想重置我的密码"), ("B", "好的，请稍等")));
        RecursivePattern empty = RecursiveChats.Analyze(RecursiveChats.Of(("A", ""), ("B", "   ")));

        Assert.Equal((0d, false), (emoji.RepetitionScore, emoji.Supported));
        Assert.Empty(emoji.Loops);
        Assert.Empty(emoji.Callbacks);
        Assert.False(chinese.Supported);
        Assert.InRange(chinese.RepetitionScore, 0, 1);
        Assert.Equal((0d, false), (empty.RepetitionScore, empty.Supported));
    }
}
