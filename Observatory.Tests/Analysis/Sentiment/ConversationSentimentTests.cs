using System.Text.Json;
using Observatory.Analysis;
using Observatory.Analysis.Json;
using Observatory.Analysis.Sentiment;

namespace Observatory.Tests.Analysis.Sentiment;

/// <summary>Overall, per-speaker, trajectory, trend and shifts on conversations a researcher can read.</summary>
public class ConversationSentimentTests
{
    private static readonly (string, string)[] ComplaintThenThanks =
    [
        ("Customer", "My order arrived broken and I'm really frustrated."),
        ("Agent", "I'm sorry to hear that. Can you send a photo?"),
        ("Customer", "This is the second time. Terrible service."),
        ("Agent", "I understand. Let me check your order."),
        ("Customer", "I've been waiting for 20 minutes, this is ridiculous."),
        ("Agent", "I've issued a full refund and a replacement is on its way."),
        ("Customer", "Oh wow, thank you so much!"),
        ("Agent", "You're welcome, happy to help!"),
        ("Customer", "Great, that's perfect. Really appreciate it."),
        ("Agent", "Have a wonderful day!"),
    ];

    [Fact]
    public void A_complaint_that_ends_in_thanks_improves_and_turns_where_the_refund_is_offered()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(ComplaintThenThanks);

        Assert.Equal(SentimentTrend.Improving, sentiment.Trend);
        Assert.True(sentiment.Slope > 1, $"slope {sentiment.Slope}");
        SentimentShift shift = Assert.Single(sentiment.Shifts);
        Assert.Equal(SentimentLabel.Negative, shift.From);
        Assert.Equal(SentimentLabel.Positive, shift.To);
        Assert.Equal(5, shift.Index); // "I've issued a full refund…"
        Assert.Equal("Agent", shift.Speaker);
        Assert.True(shift.Magnitude > 0.5);
        Assert.True(sentiment.Trajectory[0].Score < -0.3);
        Assert.True(sentiment.Trajectory[^1].Score > 0.3);
        Assert.True(sentiment.BySpeaker["Customer"] < sentiment.BySpeaker["Agent"]);
        Assert.Equal(0.9, sentiment.Coverage); // "I understand. Let me check your order." has no sentiment word
    }

    [Fact]
    public void A_meeting_that_sours_declines()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Ada", "Hi! Thanks for joining, great to see you."),
            ("Ben", "Happy to be here, excited about the plan."),
            ("Ada", "Let's look at the numbers."),
            ("Ben", "Hmm, these look worse than expected."),
            ("Ada", "Yes, sales dropped and the launch failed."),
            ("Ben", "That's a disaster. Who is responsible for this mess?"),
            ("Ada", "I'm frustrated, nobody listened to my warnings."),
            ("Ben", "This is awful. I'm angry and disappointed."));

        Assert.Equal(SentimentTrend.Declining, sentiment.Trend);
        Assert.True(sentiment.Slope < -1);
        Assert.Equal(SentimentLabel.Negative, sentiment.Label);
        SentimentShift shift = Assert.Single(sentiment.Shifts);
        Assert.Equal((SentimentLabel.Positive, SentimentLabel.Negative), (shift.From, shift.To));
        Assert.InRange(shift.Index, 2, 4);
    }

    [Fact]
    public void Tone_that_swings_back_and_forth_is_volatile()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("A", "I love this, it's great!"), ("B", "Fantastic, so happy!"),
            ("A", "Wait, now it's broken. Terrible."), ("B", "Ugh, awful, I hate this."),
            ("A", "Oh it works again, wonderful!"), ("B", "Amazing, thanks!"),
            ("A", "Broken again. Useless garbage."), ("B", "Horrible, I'm furious."),
            ("A", "Fixed! Excellent work."), ("B", "Brilliant, love it."),
            ("A", "And it crashed. Awful."), ("B", "Terrible, so annoying."));

        Assert.Equal(SentimentTrend.Volatile, sentiment.Trend);
        Assert.True(sentiment.Volatility > 0.3);
        Assert.Equal([2, 4, 6, 8, 10], sentiment.Shifts.Select(s => s.Index));
        Assert.All(sentiment.Shifts, s => Assert.NotEqual(s.From, s.To));
    }

    [Fact]
    public void An_angry_caller_who_ends_grateful_improves_although_the_polite_agent_zigzags_between()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Agent", "Thank you for calling, how can I help?"),
            ("Customer", "I was charged twice and I'm really angry about it."),
            ("Agent", "I'm sorry to hear that. Can I have the order number?"),
            ("Customer", "It's 4411. I've been a customer for years."),
            ("Agent", "Thank you. Let me check the payment records."),
            ("Customer", "I've waited a week already. It's unacceptable."),
            ("Agent", "I completely understand your frustration, and that's our mistake."),
            ("Customer", "So what are you going to do about it?"),
            ("Agent", "I've issued a full refund for the duplicate charge."),
            ("Customer", "Oh, really? That's great, thank you!"),
            ("Agent", "The refund shows up within five days."),
            ("Customer", "Perfect. That's a relief, I appreciate it."),
            ("Agent", "Is there anything else I can do?"),
            ("Customer", "No, you've been very helpful."),
            ("Agent", "Have a lovely afternoon!"),
            ("Customer", "You too, bye!"));

        Assert.Equal(SentimentTrend.Improving, sentiment.Trend);
        Assert.True(sentiment.Slope > 0.5, $"slope {sentiment.Slope}");
        Assert.Equal(SentimentLabel.Positive, sentiment.Shifts[^1].To);
        Assert.Equal(8, sentiment.Shifts[^1].Index); // the refund
    }

    [Fact]
    public void A_customer_who_grows_angrier_declines_even_when_one_reply_reads_positive()
    {
        // "A note. Great." is sarcastic, which the scorer cannot see: one positive message between angry ones makes
        // a blip back to neutral, not a mood that swings.
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Customer", "Hi, my internet has been down since this morning."),
            ("Agent", "Hello, thank you for your patience. What's your customer number?"),
            ("Customer", "4471-220. Please hurry."),
            ("Agent", "I see an outage in your area. Have you restarted your router?"),
            ("Customer", "Yes, twice. The outage is on your side."),
            ("Agent", "Unfortunately I don't have an estimate for the outage."),
            ("Customer", "This is ridiculous. I've paid for six years."),
            ("Agent", "I'm sorry for the inconvenience."),
            ("Customer", "You haven't helped with anything at all."),
            ("Agent", "I can note your complaint on the account."),
            ("Customer", "A note. Great. I have no connection."),
            ("Agent", "There is nothing more I can do."),
            ("Customer", "Then I'm cancelling. This is the worst service I've ever had."),
            ("Agent", "I can transfer you to cancellations."),
            ("Customer", "Don't bother. I'm done."));

        Assert.True(sentiment.Trajectory[10].Raw > 0.5);
        Assert.True(SentimentTrendClassifier.Swings(sentiment.Trajectory.Select(p => p.Score).ToArray()) >= 3);
        Assert.Equal(SentimentTrend.Declining, sentiment.Trend);
        Assert.Equal(SentimentLabel.Negative, sentiment.Label);
        Assert.DoesNotContain(sentiment.Shifts, shift => shift.To == SentimentLabel.Positive);
    }

    [Fact]
    public void A_steadily_negative_customer_and_a_steadily_polite_agent_read_as_stable_not_volatile()
    {
        var messages = new List<(string, string)>();
        for (int i = 0; i < 10; i++)
        {
            messages.Add(("Customer", i % 2 == 0 ? "This is bad." : "Still bad, annoying."));
            messages.Add(("Agent", i % 2 == 0 ? "Glad to help, thanks." : "Sure, happy to help."));
        }

        SentimentPattern sentiment = SentimentOf.Conversation([.. messages]);

        Assert.Equal(SentimentTrend.Stable, sentiment.Trend);
        Assert.Empty(sentiment.Shifts);
        Assert.True(sentiment.BySpeaker["Customer"] < -0.4);
        Assert.True(sentiment.BySpeaker["Agent"] > 0.4);
    }

    [Fact]
    public void Overall_is_the_mean_of_message_scores_and_by_speaker_the_mean_of_each_speakers_messages()
    {
        // good = 0.57187, not good = −0.45846, 😀 (2.5) = 2.5 / √(2.5² + 15) = 0.54233
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("Ada", "This is good."),
            ("Ben", "This is not good."),
            ("Ada", "😀"));

        Assert.Equal(0.2186, sentiment.Overall);
        Assert.Equal(SentimentLabel.Positive, sentiment.Label);
        Assert.Equal(["Ada", "Ben"], sentiment.BySpeaker.Keys);
        Assert.Equal(0.5571, sentiment.BySpeaker["Ada"]);
        Assert.Equal(-0.4585, sentiment.BySpeaker["Ben"]);
        Assert.Equal([0.5719, -0.4585, 0.5423], sentiment.Trajectory.Select(p => p.Raw));
        Assert.Equal(["Ada", "Ben", "Ada"], sentiment.Trajectory.Select(p => p.Speaker));
        Assert.Equal(1, sentiment.Coverage);
    }

    [Fact]
    public void Neutral_small_talk_is_neutral_and_says_it_found_no_evidence()
    {
        SentimentPattern sentiment = SentimentOf.Conversation(
            ("A", "The meeting is at 3pm."), ("B", "Room 4 on the second floor."), ("A", "See you there."));

        Assert.Equal(0, sentiment.Overall);
        Assert.Equal(SentimentLabel.Neutral, sentiment.Label);
        Assert.Equal(SentimentTrend.Stable, sentiment.Trend);
        Assert.Equal(0, sentiment.Coverage);
        Assert.Empty(sentiment.Shifts);
    }

    [Fact]
    public void A_conversation_in_another_language_is_neutral_with_no_coverage()
    {
        SentimentPattern german = SentimentOf.Conversation(
            ("Anna", "Das ist wirklich sehr gut, vielen Dank!"),
            ("Bernd", "Gern geschehen. Leider ist die Lieferung verspätet."),
            ("Anna", "Das ist schrecklich, ich bin enttäuscht."));

        Assert.Equal(0, german.Overall);
        Assert.Equal(SentimentLabel.Neutral, german.Label);
        Assert.Equal(0, german.Coverage);
        Assert.Empty(german.Shifts);

        SentimentPattern mixed = SentimentOf.Conversation(
            ("Anna", "这个产品很好"), ("Ben", "Thanks, that's great!"), ("Anna", "Спасибо большое"), ("Ben", "Awesome."));
        Assert.Equal(0.5, mixed.Coverage);
        Assert.Equal(SentimentLabel.Positive, mixed.Label);
    }

    [Fact]
    public void One_and_two_message_conversations()
    {
        SentimentPattern one = SentimentOf.Conversation(("A", "I hate it"));
        Assert.Equal(SentimentLabel.Negative, one.Label);
        Assert.Equal(SentimentTrend.Stable, one.Trend);
        Assert.Equal(0, one.Slope);
        Assert.Single(one.Trajectory);
        Assert.Empty(one.Shifts);

        SentimentPattern two = SentimentOf.Conversation(("A", "I hate it"), ("B", "I love it"));
        Assert.Equal(SentimentTrend.Improving, two.Trend);
        Assert.Equal([-0.6808, 0.6808], two.Trajectory.Select(p => p.Score)); // no smoothing below three messages
        Assert.Equal(1, Assert.Single(two.Shifts).Index);
    }

    [Fact]
    public void The_same_conversation_always_gives_the_same_json()
    {
        string first = Json(SentimentOf.Conversation(ComplaintThenThanks));
        string second = Json(SentimentOf.Conversation([.. ComplaintThenThanks.Select(m => (m.Item1, new string(m.Item2.AsSpan())))]));
        Assert.Equal(first, second);
        Assert.Contains("\"coverage\":0.9", first);
        Assert.Contains("\"from\":\"negative\",\"to\":\"positive\"", first);
    }

    [Fact]
    public void Long_conversations_are_downsampled_to_500_points_with_valid_indices()
    {
        const int count = 2000;
        string[] complaints = ["This is broken and I'm angry.", "Still not working, terrible.", "The order number is 5512.", "Awful experience."];
        string[] thanks = ["Thanks, that fixed it!", "Great, works perfectly.", "The order number is 5512.", "Wonderful, thank you!"];
        var messages = new List<(string, string)>(count);
        for (int i = 0; i < count; i++)
        {
            string[] pool = i < count / 2 ? complaints : thanks;
            messages.Add((i % 3 == 0 ? "Ada" : i % 3 == 1 ? "Ben" : "Cy", pool[i % pool.Length]));
        }

        SentimentPattern sentiment = SentimentOf.Conversation([.. messages]);

        Assert.Equal(500, sentiment.Trajectory.Count);
        Assert.Equal(0, sentiment.Trajectory[0].Index);
        Assert.Equal(count - 1, sentiment.Trajectory[^1].Index);
        for (int k = 1; k < sentiment.Trajectory.Count; k++)
        {
            Assert.True(sentiment.Trajectory[k].Index > sentiment.Trajectory[k - 1].Index);
        }

        Assert.All(sentiment.Trajectory, point =>
        {
            Assert.Equal(messages[point.Index].Item1, point.Speaker);
            Assert.InRange(point.Score, -1, 1);
        });
        Assert.Equal(SentimentTrend.Improving, sentiment.Trend);
        SentimentShift shift = Assert.Single(sentiment.Shifts);
        Assert.InRange(shift.Index, (count / 2) - 100, (count / 2) + 100);
        Assert.Equal((SentimentLabel.Negative, SentimentLabel.Positive), (shift.From, shift.To));
    }

    [Fact]
    public void Noise_around_a_steady_tone_produces_no_shifts()
    {
        string[] pool =
        [
            "Thanks, good point.", "Hmm, that is a problem.", "Let me check the logs.", "Nice, that works.",
            "Not sure, it failed once.", "Okay.", "Great, thanks!", "That's annoying.", "The build is green.",
        ];
        var messages = Enumerable.Range(0, 1000).Select(i => (i % 2 == 0 ? "Ada" : "Ben", pool[(i * 7) % pool.Length])).ToArray();

        SentimentPattern sentiment = SentimentOf.Conversation(messages);

        Assert.Equal(SentimentTrend.Stable, sentiment.Trend);
        Assert.True(sentiment.Shifts.Count <= 1, $"{sentiment.Shifts.Count} shifts");
        Assert.True(Math.Abs(sentiment.Slope) < 0.1);
    }

    [Fact]
    public void Cancellation_stops_the_analysis()
    {
        var profile = Observatory.Analysis.Core.ConversationProfile.Build(TestConversation.Of(ComplaintThenThanks), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Observatory.Analysis.Sentiment.SentimentAnalysis.Analyze(profile, cancelled.Token));
    }

    private static string Json(SentimentPattern pattern) => JsonSerializer.Serialize(pattern, AnalysisJsonContext.Default.SentimentPattern);
}
