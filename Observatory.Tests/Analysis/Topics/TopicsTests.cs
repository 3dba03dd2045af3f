using System.Text.Json;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Topics;

public class TopicsTests
{
    [Fact]
    public void A_conversation_that_changes_subject_and_comes_back_has_two_shifts_and_a_return()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.CookingTaxCooking);

        Assert.Equal(2, topics.Shifts);
        Assert.Equal([(0, 3), (4, 7), (8, 11)], topics.Segments.Select(s => (s.StartIndex, s.EndIndex)));

        TopicSegment cooking = topics.Segments[0];
        TopicSegment tax = topics.Segments[1];
        TopicSegment cookingAgain = topics.Segments[2];
        Assert.Equal("tomato · pasta · sauce", cooking.Label);
        Assert.Equal(["tomato", "pasta", "sauce", "basil", "garlic"], cooking.Keywords);
        Assert.Contains("tax", tax.Keywords);
        Assert.Contains("return", tax.Keywords);
        Assert.DoesNotContain(tax.Keywords, k => cooking.Keywords.Contains(k));
        Assert.Contains("basil", cookingAgain.Label);

        Assert.Null(cooking.ReturnsTo);
        Assert.Null(tax.ReturnsTo);
        Assert.Equal(0, cookingAgain.ReturnsTo);
    }

    [Fact]
    public void Labels_are_the_first_three_segment_keywords_joined_with_a_middle_dot()
    {
        foreach (TopicSegment segment in TopicsChats.Analyze(TopicsChats.CookingTaxCooking).Segments)
        {
            Assert.Equal(string.Join(" · ", segment.Keywords.Take(3)), segment.Label);
            Assert.Equal(5, segment.Keywords.Count);
        }
    }

    [Fact]
    public void Global_keywords_are_the_subjects_with_weights_normalized_to_the_top_one()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.CookingTaxCooking);

        Assert.Equal(10, topics.Keywords.Count);
        Assert.Equal(1, topics.Keywords[0].Weight);
        Assert.All(topics.Keywords, k => Assert.InRange(k.Weight, 0.0001, 1));
        Assert.Equal(topics.Keywords.Select(k => k.Weight).OrderByDescending(w => w), topics.Keywords.Select(k => k.Weight));
        string[] terms = [.. topics.Keywords.Select(k => k.Term)];
        Assert.Superset(new HashSet<string> { "sauce", "pasta", "basil", "garlic", "office", "return" }, terms.ToHashSet());
        Assert.DoesNotContain(terms, t => t is "should" or "the" or "add more" or "yes");
    }

    [Fact]
    public void Keywords_read_as_the_words_people_used_not_as_stems()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.Of(
            ("Sam", "Filing taxes is stressful. Is filing online safe?"),
            ("Tax bot", "Filing online is safe; the filed return is encrypted."),
            ("Sam", "Good, then I'll finish filing tonight.")));

        string[] terms = [.. topics.Keywords.Select(k => k.Term)];
        Assert.Equal("filing", terms[0]); // "filing" ×4 and "filed" ×1 count as one term, shown as "filing".
        Assert.DoesNotContain("file", terms);
        Assert.Contains("taxes", terms);
        Assert.Contains("safe", terms);
    }

    [Fact]
    public void Short_conversations_are_one_segment()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.Of(
            ("Ada", "Can you recommend a pasta recipe?"),
            ("Bot", "Try cacio e pepe: pasta, pecorino and black pepper."),
            ("Ada", "What about my tax return?")));

        TopicSegment segment = Assert.Single(topics.Segments);
        Assert.Equal(0, topics.Shifts);
        Assert.Equal((0, 2), (segment.StartIndex, segment.EndIndex));
        Assert.Equal("pasta", topics.Keywords[0].Term);
        Assert.Null(segment.ReturnsTo);
        Assert.True(topics.Supported);
        Assert.Equal(1, topics.Coverage);
    }

    [Fact]
    public void A_single_message_is_one_segment()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.Of(("Ada", "Sourdough starter questions")));

        Assert.Equal((0, 0), (topics.Segments[0].StartIndex, topics.Segments[0].EndIndex));
        Assert.Equal("sourdough · starter", topics.Segments[0].Label);
    }

    [Fact]
    public void One_subject_with_varied_vocabulary_is_not_cut_into_topics()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.JapanTrip);

        Assert.Equal(0, topics.Shifts);
        Assert.Equal((0, 19), (topics.Segments[0].StartIndex, topics.Segments[0].EndIndex));
        Assert.Contains(topics.Keywords, k => k.Term == "kyoto");
    }

    [Fact]
    public void Long_conversations_have_a_bounded_number_of_segments_of_a_minimum_length()
    {
        // 50 stretches of 40 messages, cycling through four subjects: 49 real shifts, more than may be reported.
        string[] subjects = ["pasta sauce basil garlic", "tax return deduction office", "guitar chords strings tuning", "marathon training pace shoes"];
        var messages = Enumerable.Range(0, 2000)
            .Select(i => ("P" + (i % 2), $"More about {subjects[(i / 40) % subjects.Length]} today, message {i}."))
            .ToArray();

        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.Of(messages));

        Assert.Equal(30, topics.Segments.Count);
        Assert.Equal(29, topics.Shifts);
        Assert.All(topics.Segments, s => Assert.True(s.EndIndex - s.StartIndex + 1 >= 10)); // one window at n = 2000
        Assert.All(topics.Segments.Skip(1), s => Assert.Equal(0, s.StartIndex % 40)); // boundaries only at real shifts
        Assert.Equal(0, topics.Segments[0].StartIndex);
        Assert.Equal(1999, topics.Segments[^1].EndIndex);
        for (int s = 1; s < topics.Segments.Count; s++)
        {
            Assert.Equal(topics.Segments[s - 1].EndIndex + 1, topics.Segments[s].StartIndex);
        }
    }

    [Fact]
    public void Emoji_only_text_is_one_empty_segment_and_says_it_is_unsupported()
    {
        TopicsPattern topics = TopicsChats.Analyze(TopicsChats.Of(("A", "👍🎉"), ("B", "🙂"), ("A", "😂😂 !!!"), ("B", "🔥"), ("A", "...")));

        Assert.False(topics.Supported);
        Assert.Equal(0, topics.Coverage);
        Assert.Empty(topics.Keywords);
        TopicSegment segment = Assert.Single(topics.Segments);
        Assert.Equal((0, 4, ""), (segment.StartIndex, segment.EndIndex, segment.Label));
        Assert.Empty(segment.Keywords);
    }

    [Fact]
    public void Text_in_other_scripts_or_languages_does_not_crash_and_is_flagged()
    {
        TopicsPattern chinese = TopicsChats.Analyze(TopicsChats.Of(
            ("A", "我想重置我的密码"), ("B", "好的，请稍等"), ("A", "谢谢你的帮助"), ("B", "不客气")));
        TopicsPattern spanish = TopicsChats.Analyze(TopicsChats.Of(
            ("A", "Hola, quiero cambiar la contraseña de mi cuenta porque no puedo entrar desde ayer por la tarde"),
            ("B", "Claro, puedo ayudarte con eso. Primero necesito verificar tu identidad con el correo registrado en la cuenta"),
            ("A", "Mi correo es el mismo de siempre, lo uso para todo y nunca tuve problemas con la contraseña")));
        TopicsPattern mixed = TopicsChats.Analyze(TopicsChats.Of(
            ("A", "Привет! Can you help me with my visa application? 🙏"),
            ("B", "Of course — which country is the visa for? مرحبا"),
            ("A", "Japan, a tourist visa for two weeks.")));

        Assert.False(chinese.Supported);
        Assert.False(spanish.Supported);
        Assert.True(mixed.Supported);
        Assert.Equal("visa", mixed.Keywords[0].Term);
        Assert.Single(chinese.Segments);
    }

    [Fact]
    public void The_result_serializes_with_snake_case_names_including_the_added_fields()
    {
        AnalysisResult analyzed = new ConversationAnalyzer().Analyze(TopicsChats.CookingTaxCooking, PatternFamilies.All);
        AnalysisResult result = analyzed with
        {
            Patterns = analyzed.Patterns with { Topics = TopicsChats.Analyze(TopicsChats.CookingTaxCooking) },
        };

        string json = AnalysisResultJson.Serialize(result);

        Assert.Contains("\"topics\":{\"keywords\":[{\"term\":\"sauce\",\"weight\":1}", json);
        Assert.Contains("\"start_index\":8,\"end_index\":11,", json);
        Assert.Contains("\"returns_to\":0}", json);
        Assert.Contains("\"returns_to\":null}", json);
        Assert.Contains("\"shifts\":2,\"supported\":true,\"coverage\":1}", json);
    }

    [Fact]
    public void Random_messy_conversations_never_break_the_invariants()
    {
        foreach (Conversation conversation in MessyConversations.Generate(count: 60, seed: 7))
        {
            TopicsPattern topics = TopicsChats.Analyze(conversation);
            int n = conversation.Messages.Count;

            Assert.Equal(0, topics.Segments[0].StartIndex);
            Assert.Equal(n - 1, topics.Segments[^1].EndIndex);
            Assert.Equal(topics.Segments.Count - 1, topics.Shifts);
            Assert.InRange(topics.Segments.Count, 1, 30);
            Assert.InRange(topics.Keywords.Count, 0, 10);
            Assert.All(topics.Keywords, k => Assert.InRange(k.Weight, 0, 1));
            Assert.InRange(topics.Coverage, 0, 1);
            for (int s = 0; s < topics.Segments.Count; s++)
            {
                TopicSegment segment = topics.Segments[s];
                Assert.True(segment.StartIndex <= segment.EndIndex);
                Assert.True(s == 0 || segment.StartIndex == topics.Segments[s - 1].EndIndex + 1);
                Assert.True(segment.ReturnsTo is null || segment.ReturnsTo < s - 1);
                Assert.Equal(string.Join(" · ", segment.Keywords.Take(3)), segment.Label);
            }
        }
    }

    [Fact]
    public void A_cancelled_analysis_stops()
    {
        Conversation conversation = TopicsChats.CookingTaxCooking;
        var profile = Observatory.Analysis.Core.ConversationProfile.Build(conversation, CancellationToken.None);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Observatory.Analysis.Topics.TopicsAnalysis.Analyze(profile, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_same_conversation_always_gives_the_same_result()
    {
        string first = JsonSerializer.Serialize(TopicsChats.Analyze(TopicsChats.CookingTaxCooking));
        string second = JsonSerializer.Serialize(TopicsChats.Analyze(TopicsChats.CookingTaxCooking));

        Assert.Equal(first, second);
    }
}
