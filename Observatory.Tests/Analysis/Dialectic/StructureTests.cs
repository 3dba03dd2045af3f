using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Dialectic;

public class StructureTests
{
    private static string Structure(Conversation conversation) => DialecticAnalysisTests.Analyze(conversation).Structure;

    [Fact]
    public void Leading_questions_with_short_answers_are_socratic()
    {
        Assert.Equal("socratic", Structure(TestConversation.Of(
            ("Socrates", "What is courage, would you say?"),
            ("Meno", "Standing firm in battle."),
            ("Socrates", "And is a man who retreats wisely not courageous, surely?"),
            ("Meno", "I suppose he is."),
            ("Socrates", "Then courage is not merely standing firm, is it not so?"),
            ("Meno", "No, it seems not."))));
    }

    [Fact]
    public void Challenges_from_both_sides_are_a_debate()
    {
        Assert.Equal("debate", Structure(TestConversation.Of(
            ("Ana", "Nuclear power is the safest energy source we have."),
            ("Ben", "I disagree, the waste problem is unsolved."),
            ("Ana", "That's not true, dry cask storage works."),
            ("Ben", "But casks only last a century."),
            ("Ana", "Actually, no, they can be replaced."))));
    }

    [Fact]
    public void One_side_asking_and_the_other_telling_their_story_is_an_interview()
    {
        Assert.Equal("interview", Structure(TestConversation.Of(
            ("Interviewer", "Where did you grow up?"),
            ("Guest", "I grew up in Leeds, my dad worked at the mill and we lived above a bakery for most of my childhood, which I still miss."),
            ("Interviewer", "What made you start writing?"),
            ("Guest", "My teacher gave me a notebook when I was nine and I filled it with stories about our street and my friends."),
            ("Interviewer", "Do you still write every day?"),
            ("Guest", "I try to, though my mornings are taken up by the kids now, so I write late at night when the house is quiet."))));
    }

    [Fact]
    public void A_learner_asking_and_an_ai_explaining_at_length_is_a_tutorial()
    {
        Assert.Equal("tutorial", Structure(TestConversation.Of(
            ("User", "How does recursion work?"),
            ("Assistant", "Recursion is when a function calls itself on a smaller input. For example, factorial of n is n times factorial of n minus one, and this means each call waits for the next one to finish."),
            ("User", "What do you mean by a base case?"),
            ("Assistant", "The base case is the input where the function stops calling itself. For example, factorial of 0 is 1, so the function returns immediately instead of recursing further."))));
    }

    [Fact]
    public void A_problem_report_answered_with_service_steps_is_support()
    {
        Assert.Equal("support", Structure(TestConversation.Of(
            ("Customer", "Hi, my order never arrived and the tracking page shows an error."),
            ("Agent", "I'm sorry to hear that. Could you share your order number?"),
            ("Customer", "It's 48213."),
            ("Agent", "Thanks. I've issued a replacement, it ships within 24 hours. Is there anything else I can help with?"),
            ("Customer", "No, thanks!"))));
    }

    [Fact]
    public void A_typo_ridden_problem_report_answered_by_an_assistant_is_support()
    {
        // "crashin" is read through the "crash*" stem; the assistant's "sorry about that", "anything else I can help".
        Assert.Equal("support", Structure(TestConversation.Of(
            ("User", "hi my app keeps crashin evrytime i open it, its so anoying"),
            ("Assistant", "Sorry about that! Which version are you on?"),
            ("User", "v 3.2.1 i think"),
            ("Assistant", "Updating to 3.2.4 fixes it. Anything else I can help with?"),
            ("User", "nope all good"))));
    }

    [Fact]
    public void An_agent_verifying_a_customer_is_support_even_when_the_agent_asks_everything()
    {
        Assert.Equal("support", Structure(TestConversation.Of(
            ("Sam", "Hi, thanks for contacting Brightline Bank support. Could you give me the email on your account?"),
            ("Ada", "Sure, it's my work address."),
            ("Sam", "Thanks. Which card was charged twice?"),
            ("Ada", "The blue one."),
            ("Sam", "I've opened a dispute; you'll hear from us within two business days."))));
    }

    [Fact]
    public void A_tutor_guiding_a_learner_is_a_tutorial_even_when_both_ask()
    {
        Assert.Equal("tutorial", Structure(TestConversation.Of(
            ("Student", "I don't get how to solve x^2 - 5x + 6 = 0. Can you help?"),
            ("Assistant", "Sure! Let's factor it. Which two numbers multiply to 6 and add up to -5?"),
            ("Student", "Um, 2 and 3?"),
            ("Assistant", "Close! What if both are negative?"),
            ("Student", "-2 and -3? Oh, I get it now!"),
            ("Assistant", "Exactly. Want to try one on your own?"))));
    }

    [Fact]
    public void An_assistant_giving_how_to_steps_is_a_tutorial_not_an_interview()
    {
        Assert.Equal("tutorial", Structure(TestConversation.Of(
            ("User", "how do i export my contacts to csv"),
            ("AI", "Open Contacts, click the menu and choose Export."),
            ("User", "could you also tell me where the file ends up"),
            ("AI", "It goes to your Downloads folder by default."),
            ("User", "i wonder whether it keeps the country codes"),
            ("AI", "Yes, numbers keep their country code."))));
    }

    [Fact]
    public void Friends_trading_a_few_questions_while_making_plans_are_casual()
    {
        Assert.Equal("casual", Structure(TestConversation.Of(
            ("Jo", "Hiking on Saturday? The forecast says sunny."),
            ("Kit", "Yes please! Which trail were you thinking of?"),
            ("Jo", "The ridge loop above the lake, with a café halfway."),
            ("Kit", "Perfect, I love that café. Should we take the early train?"),
            ("Jo", "The 8:10 gets us to the trailhead by nine."),
            ("Kit", "Great. I'll bring sandwiches."),
            ("Jo", "Nice! Coffee is on me."),
            ("Kit", "Deal. Is Mateo coming too?"),
            ("Jo", "He might join us at the café."),
            ("Kit", "See you at the station then!"))));
    }

    [Fact]
    public void Small_talk_is_casual()
    {
        Assert.Equal("casual", Structure(TestConversation.Of(
            ("Ana", "hey, long time!"),
            ("Ben", "haha yes, how have you been?"),
            ("Ana", "good, just back from the beach 🙂"),
            ("Ben", "nice, send pics"))));
    }

    [Fact]
    public void One_speaker_is_a_monologue()
    {
        Assert.Equal("monologue", Structure(TestConversation.Of(("Ana", "Note to self: buy milk."), ("Ana", "And bread?"))));
    }
}
