using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Dialectic;

/// <summary>The next message by someone else answers a question only when it takes the question up.</summary>
public class AnswerLinkingTests
{
    private static int[] Unanswered(params (string Speaker, string Content)[] messages) =>
        [.. DialecticAnalysisTests.Analyze(TestConversation.Of(messages)).Unanswered];

    private static (int Question, int Answer)[] Exchanges(params (string Speaker, string Content)[] messages) =>
        DialecticAnalysisTests.Analyze(TestConversation.Of(messages)).Exchanges.Select(e => (e.QuestionIndex, e.AnswerIndex)).ToArray();

    [Fact]
    public void A_reply_about_something_else_leaves_the_question_unanswered()
    {
        DialecticPattern dialectic = DialecticAnalysisTests.Analyze(TestConversation.Of(
            ("Ada", "Morning! Did you send the signed contract to Halvorsen yesterday?"),
            ("Ben", "Yes, it went out at 5pm with the updated payment terms."),
            ("Ada", "Great. Did they confirm the delivery date for the turbines?"),
            ("Ben", "They said the first batch ships on the 14th."),
            ("Ada", "Why did they reject our first quote, though?"),
            ("Ben", "By the way, the coffee machine on our floor is broken again."),
            ("Ada", "Oh no. Who is coordinating the installation team on site?"),
            ("Ben", "Marta is. She's booking the crane and the electricians."),
            ("Ada", "Thanks. And should we invite Halvorsen's engineers to the kickoff on Friday?"),
            ("Ben", "I'm off to lunch, talk later!")));

        Assert.Equal(5, dialectic.Questions);
        Assert.Equal(3, dialectic.Answered);
        Assert.Equal([4, 8], dialectic.Unanswered);
        Assert.Equal([(0, 1), (2, 3), (6, 7)], dialectic.Exchanges.Select(e => (e.QuestionIndex, e.AnswerIndex)));
    }

    [Theory]
    // Verdicts and answer openings.
    [InlineData("Did you book the room?", "Yep, done this morning.", true)]
    [InlineData("Can we still afford it?", "Barely. The flights went up too.", true)]
    [InlineData("Is the server down?", "Not really, it's just slow.", true)]
    [InlineData("Why is the build red?", "Because the linter found tabs.", true)]
    [InlineData("How do I reset it?", "You can hold the button for ten seconds.", true)]
    // The subject taken up, a name taken up by a pronoun.
    [InlineData("Did they confirm the date?", "They said next week works.", true)]
    [InlineData("Is Mateo coming too?", "He might join us later.", true)]
    [InlineData("Should we take the early train?", "The 8:10 gets us there by nine.", true)]
    [InlineData("can u run the formatter and push?", "doing it now", true)]
    // What the question asks for.
    [InlineData("When does the shop open?", "At nine on weekdays.", true)]
    [InlineData("When does the shop open?", "The coffee there is terrible.", false)]
    [InlineData("Who is coordinating the crew?", "Marta is.", true)]
    [InlineData("Who is coordinating the crew?", "The weather looks bad all week.", false)]
    [InlineData("How many people signed up?", "About forty so far.", true)]
    [InlineData("Why did they reject the quote?", "Too expensive.", true)]
    [InlineData("Why did they reject the quote?", "The coffee machine is broken again.", false)]
    [InlineData("What went well this sprint?", "The pipeline is much faster now.", true)]
    [InlineData("What about the offsite?", "Somewhere with hiking, please.", true)]
    [InlineData("What about the offsite?", "ok, noted", false)]
    // Shared content terms.
    [InlineData("Is a careless person courageous?", "Careless, I suppose.", true)]
    // A change of subject never answers.
    [InlineData("Should we invite their engineers to the kickoff?", "I'm off to lunch, talk later!", false)]
    [InlineData("What do you think about the kickoff?", "Anyway, the game last night was amazing.", false)]
    public void A_reply_answers_when_it_takes_the_question_up(string question, string reply, bool answered)
    {
        Assert.Equal(answered ? [] : [0], Unanswered(("Ada", question), ("Ben", reply)));
    }

    [Fact]
    public void An_assistant_replying_to_a_human_answers()
    {
        Assert.Equal([(0, 1)], Exchanges(
            ("User", "could you also tell me where the file ends up"),
            ("Assistant", "Downloads, by default.")));
    }

    [Fact]
    public void A_tentative_answer_with_a_question_mark_is_not_a_counter_question()
    {
        Assert.Equal([(0, 1)], Exchanges(
            ("Tutor", "Which two numbers multiply to 6 and add up to 5?"),
            ("Pupil", "Um, 2 and 3?")));
        Assert.Equal([(0, 2)], Exchanges(
            ("Ada", "Which format keeps the timestamps?"),
            ("Ben", "Which device do you mean?"),
            ("Ben", "CSV keeps them.")));
    }

    [Fact]
    public void Once_the_asker_moves_on_only_a_shared_term_links_the_older_question()
    {
        // Ben's "Yes" belongs to the newer question; the older one about the budget stays open.
        Assert.Equal([(1, 2)], Exchanges(
            ("Ada", "Why did the budget review slip?"),
            ("Ada", "Also, is the demo still on?"),
            ("Ben", "Yes, at three.")));
        Assert.Equal([(0, 2), (1, 2)], Exchanges(
            ("Ada", "Why did the budget review slip?"),
            ("Ada", "Also, is the demo still on?"),
            ("Ben", "Yes. The budget review slipped because finance was out.")));
    }

    [Fact]
    public void Without_english_to_read_the_first_reply_answers()
    {
        Assert.Equal([(0, 1)], Exchanges(("A", "Kommst du morgen zum Treffen?"), ("B", "Das Wetter ist schlecht.")));
    }

    [Fact]
    public void A_canned_reply_pasted_under_a_new_question_does_not_answer_it()
    {
        const string Canned = "To export your calendar, open Settings, choose Calendars, select the calendar and click Export.";

        var unanswered = Unanswered(
            ("User", "How do I export my team calendar?"),
            ("Assistant", Canned),
            ("User", "The export button is disabled for the shared calendar. Do I need to own the calendar to export it?"),
            ("Assistant", "Sorry! " + Canned),
            ("User", "Can I get a subscription link for the calendar instead?"),
            ("Assistant", "Great question! " + Canned));

        Assert.Equal([2, 4], unanswered);
    }

    [Fact]
    public void The_same_question_asked_again_is_answered_by_the_same_reply()
    {
        const string Steps = "Open Settings, choose Calendars, select the calendar and click Export.";

        var unanswered = Unanswered(
            ("User", "How do I export my calendar?"),
            ("Assistant", Steps),
            ("User", "Sorry, how do I export my calendar again?"),
            ("Assistant", Steps));

        Assert.Empty(unanswered);
    }
}
