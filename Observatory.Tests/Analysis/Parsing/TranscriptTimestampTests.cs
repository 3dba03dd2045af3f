using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Parsing;

public class TranscriptTimestampTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute, int second = 0) => new(2025, 5, day, hour, minute, second, TimeSpan.Zero);

    private static IReadOnlyList<ConversationMessage> Parse(string transcript) => TranscriptParser.Parse(transcript).Messages;

    [Theory]
    [InlineData("2025-05-01 10:04:12 Human: hi")]
    [InlineData("2025-05-01T10:04:12Z Human: hi")]
    [InlineData("[2025-05-01 10:04:12] Human: hi")]
    [InlineData("[2025-05-01T10:04:12Z] Human: hi")]
    [InlineData("[2025-05-01T12:04:12+02:00] Human: hi")]
    [InlineData("2025-05-01T05:04:12-0500 Human: hi")]
    [InlineData("(2025-05-01 10:04:12) Human: hi")]
    [InlineData("2025/05/01 10:04:12 UTC - Human: hi")]
    [InlineData("[2025-05-01 10:04:12]Human: hi")]
    [InlineData("Human [2025-05-01 10:04:12]: hi")]
    public void Full_date_times_become_utc_instants(string transcript)
    {
        var message = Assert.Single(Parse(transcript));
        Assert.Equal(("Human", "hi"), (message.Speaker, message.Content));
        Assert.Equal(Utc(1, 10, 4, 12), message.Timestamp);
    }

    [Theory]
    [InlineData("[2025-05-01 10:04] Human: hi", 10, 4)]
    [InlineData("2025-05-01 10:04 | Human: hi", 10, 4)]
    [InlineData("[2025-05-01 9:04 PM] Human: hi", 21, 4)]
    [InlineData("[2025-05-01 12:30 a.m.] Human: hi", 0, 30)]
    public void Minutes_only_and_twelve_hour_clocks(string transcript, int hour, int minute) =>
        Assert.Equal(Utc(1, hour, minute), Assert.Single(Parse(transcript)).Timestamp);

    [Fact]
    public void Fractional_seconds_are_kept()
    {
        Assert.Equal(Utc(1, 10, 4, 12).AddMilliseconds(250), Assert.Single(Parse("2025-05-01T10:04:12.250Z AI: x")).Timestamp);
    }

    [Theory]
    [InlineData("[10:04] Human: hi")]
    [InlineData("[10:04:12] Human: hi")]
    [InlineData("10:04 Human: hi")]
    [InlineData("10:04:12 - Human: hi")]
    public void Times_without_an_earlier_date_are_not_guessed(string transcript)
    {
        var message = Assert.Single(Parse(transcript));
        Assert.Equal(("Human", "hi", (DateTimeOffset?)null), (message.Speaker, message.Content, message.Timestamp));
    }

    [Fact]
    public void A_date_carries_forward_to_later_times()
    {
        var messages = Parse("[10:00] Human: before any date\n[2025-05-01 10:01] AI: dated\n[10:04] Human: carried\n10:05:30 AI: also carried");

        Assert.Equal([null, Utc(1, 10, 1), Utc(1, 10, 4), Utc(1, 10, 5, 30)], messages.Select(m => m.Timestamp));
    }

    [Fact]
    public void A_carried_date_keeps_its_zone()
    {
        var messages = Parse("[2025-05-01T10:00:00+02:00] Human: a\n[10:30] AI: b");
        Assert.Equal([Utc(1, 8, 0), Utc(1, 8, 30)], messages.Select(m => m.Timestamp));
    }

    [Fact]
    public void A_carried_time_crossing_midnight_moves_to_the_next_day()
    {
        var messages = Parse("[2025-05-01 23:58] Human: late\n[00:03] AI: after midnight\n[00:02] Human: slightly out of order");
        Assert.Equal([Utc(1, 23, 58), Utc(2, 0, 3), Utc(2, 0, 2)], messages.Select(m => m.Timestamp));
    }

    [Fact]
    public void A_date_alone_sets_the_day_without_inventing_a_time()
    {
        var messages = Parse("[2025-05-01] Human: a\n[10:04] AI: b");
        Assert.Equal([null, Utc(1, 10, 4)], messages.Select(m => m.Timestamp));
    }

    [Fact]
    public void Impossible_times_are_not_times_and_their_line_is_text()
    {
        var message = Assert.Single(Parse("Human: hi\n[25:99] AI: no"));
        Assert.Equal("hi\n[25:99] AI: no", message.Content);
    }
}
