using Observatory.Analysis.Text;

namespace Observatory.Tests.Analysis.Dialectic;

public class QuestionDetectionTests
{
    [Theory]
    [InlineData("How do I reset my password", "WhQuestion")]
    [InlineData("Why is the build red again", "WhQuestion")]
    [InlineData("What time is it", "WhQuestion")]
    [InlineData("Which option is cheaper for us", "WhQuestion")]
    [InlineData("What's the best way to learn Rust.", "WhQuestion")]
    [InlineData("How many people came", "WhQuestion")]
    [InlineData("What about the second invoice", "WhQuestion")]
    [InlineData("Hi Ada, what do you think about the plan.", "WhQuestion")]
    [InlineData("I tried that, but how does the cache work then.", "WhQuestion")]
    [InlineData("Could you send me the invoice", "Inversion")]
    [InlineData("Can I get a refund for this", "Inversion")]
    [InlineData("Is it down for everyone", "Inversion")]
    [InlineData("Do you know where the docs are", "Inversion")]
    [InlineData("So, is the server down again.", "Inversion")]
    [InlineData("Anyone know a good library for this.", "Inversion")]
    [InlineData("I wonder whether this works on Windows.", "Indirect")]
    [InlineData("I was wondering if you could help.", "Indirect")]
    [InlineData("I'd like to know how long shipping takes.", "Indirect")]
    [InlineData("I’d like to know how long shipping takes.", "Indirect")]
    [InlineData("Tell me how to configure the proxy.", "Indirect")]
    [InlineData("Any idea why the build fails.", "Indirect")]
    [InlineData("Let me know if you need anything else.", "Indirect")]
    [InlineData("I'm curious whether the API is rate limited.", "Indirect")]
    [InlineData("Hello there, how are you?", "Marked")]
    [InlineData("Really؟", "Marked")]
    [InlineData("本当？", "Marked")]
    [InlineData("¿Dónde está la estación", "Marked")]
    [InlineData("Why not?", "Marked")]
    public void Questions_are_found_beyond_a_trailing_question_mark(string text, string form)
    {
        MessageQuestions questions = QuestionDetector.Inspect(text);

        Assert.True(questions.IsQuestion);
        Assert.Equal(form, questions.FirstQuestionForm.ToString());
        Assert.True(QuestionDetector.IsQuestion(text));
    }

    [Theory]
    [InlineData("The server is down.")]
    [InlineData("When I got home, the shop was closed.")]
    [InlineData("Which is why I left early.")]
    [InlineData("What I need is a break.")]
    [InlineData("What's more, it is cheaper.")]
    [InlineData("Do the dishes.")]
    [InlineData("Have a nice day.")]
    [InlineData("If it fails, do it again.")]
    [InlineData("Can you believe it!")]
    [InlineData("Sure, ask away.")]
    [InlineData("I have a question.")]
    [InlineData("See https://example.com/search?q=1 for details.")]
    [InlineData("Pi is 3.14 and e is 2.72.")]
    [InlineData("")]
    [InlineData("👍🎉")]
    public void Declaratives_and_instructions_are_not_questions(string text)
    {
        MessageQuestions questions = QuestionDetector.Inspect(text);

        Assert.False(questions.IsQuestion);
        Assert.Equal(0, questions.RhetoricalSentences);
    }

    [Theory]
    [InlineData("Why not.")]
    [InlineData("Who cares.")]
    [InlineData("Who knows")]
    [InlineData("What a day.")]
    [InlineData("Well, why not.")]
    [InlineData("How dare you.")]
    public void Rhetorical_look_alikes_are_reported_but_not_counted(string text)
    {
        MessageQuestions questions = QuestionDetector.Inspect(text);

        Assert.False(questions.IsQuestion);
        Assert.Equal(1, questions.RhetoricalSentences);
        Assert.Equal(QuestionForm.None, questions.FirstQuestionForm);
    }

    [Fact]
    public void A_message_can_hold_several_questions_and_statements()
    {
        MessageQuestions questions = QuestionDetector.Inspect("Thanks for the update. Why? How? Could you send the logs\nI'll check tonight.");

        Assert.Equal(3, questions.QuestionSentences);
        Assert.Equal(2, questions.StatementSentences);
        Assert.False(questions.IsPureQuestion);
        Assert.Equal("Why?", "Thanks for the update. Why? How? Could you send the logs\nI'll check tonight."
            .Substring(questions.FirstQuestionStart, questions.FirstQuestionLength));
    }

    [Fact]
    public void A_counter_question_is_a_pure_question()
    {
        Assert.True(QuestionDetector.Inspect("Which device? Android or iOS?").IsPureQuestion);
        Assert.False(QuestionDetector.Inspect("Sure. Which device?").IsPureQuestion);
    }
}
