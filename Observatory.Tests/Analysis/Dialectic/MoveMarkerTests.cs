namespace Observatory.Tests.Analysis.Dialectic;

/// <summary>The moves added for accusations, turned-back words, clarification requests and joint conclusions.</summary>
public class MoveMarkerTests
{
    private static string? MoveOfReply(string opening, string reply) =>
        DialecticAnalysisTests.Analyze(TestConversation.Of(("A", opening), ("B", reply)))
            .ByMessage.SingleOrDefault(m => m.Index == 1)?.Move;

    [Theory]
    // Rejecting the other's framing or tone.
    [InlineData("That's not fair. There are quiet hours in the house rules.", "challenge")]
    [InlineData("Don't lecture me about house rules.", "challenge")]
    [InlineData("That is NOT the same thing as a party until 1am!!", "challenge")]
    [InlineData("I didn't say you could. You're being really defensive.", "challenge")]
    [InlineData("And you're being unfair.", "challenge")]
    [InlineData("Because you're inconsiderate and rude!", "challenge")]
    // An accusation needs the trait right after "you're (being)" and no negator.
    [InlineData("You're not being unfair, just tired.", null)]
    [InlineData("You're being very helpful, thanks.", null)]
    // The other's own words turned back: in a question or after "but".
    [InlineData("Then can courage be the absence of fear, as you first said?", "challenge")]
    [InlineData("But you said the budget was fixed.", "challenge")]
    // Asking for a clarification.
    [InlineData("What do you mean by 'collaboration' exactly?", "clarification")]
    [InlineData("Could you clarify which servers?", "clarification")]
    // A joint conclusion.
    [InlineData("So we both accept that a hybrid schedule combines the benefits.", "synthesis")]
    [InlineData("Maybe we can meet in the middle on this one.", "synthesis")]
    public void A_reply_makes_the_move_its_markers_signal(string reply, string? move)
    {
        Assert.Equal(move, MoveOfReply("We should keep the music on until midnight.", reply));
    }

    [Fact]
    public void Quoting_the_other_in_a_plain_statement_is_no_challenge()
    {
        Assert.Null(MoveOfReply("The deadline is Friday.", "You said Friday, so I booked the room."));
    }
}
