using System.Diagnostics;
using System.Text;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Parsing;

public class TranscriptParserTests
{
    private static IReadOnlyList<ConversationMessage> Parse(string transcript) => TranscriptParser.Parse(transcript).Messages;

    private static (string Speaker, string Content)[] Turns(string transcript) =>
        Parse(transcript).Select(m => (m.Speaker, m.Content)).ToArray();

    [Fact]
    public void Role_labels_start_turns()
    {
        var messages = Parse("Human: Hi there\n\nAI: Hello! How can I help?");

        Assert.Equal(2, messages.Count);
        Assert.Equal(new ConversationMessage(0, "Human", SpeakerRole.Human, "Hi there", null), messages[0]);
        Assert.Equal(new ConversationMessage(1, "AI", SpeakerRole.Ai, "Hello! How can I help?", null), messages[1]);
    }

    [Fact]
    public void Other_lines_continue_the_turn_and_inner_blank_lines_are_kept()
    {
        var turns = Turns("User: first line\nsecond line\n\nnew paragraph\n\n\n\nAssistant: ok\n\n");

        Assert.Equal([("User", "first line\nsecond line\n\nnew paragraph"), ("Assistant", "ok")], turns);
    }

    [Fact]
    public void Content_may_start_on_the_line_after_the_label()
    {
        Assert.Equal([("Human", "Question\non two lines"), ("AI", "Answer")], Turns("Human:\nQuestion\non two lines\nAI:\n\nAnswer"));
    }

    [Fact]
    public void A_one_off_label_inside_a_turn_is_text()
    {
        var turns = Turns("Human: Do this.\nNote: this is important\nAI: Understood.\nStep 1: open the file\nStep 2: save it");

        Assert.Equal(
            [("Human", "Do this.\nNote: this is important"), ("AI", "Understood.\nStep 1: open the file\nStep 2: save it")],
            turns);
    }

    [Fact]
    public void Urls_paths_and_scoped_names_are_never_labels_even_when_repeated()
    {
        const string answer = "See https://x.example/a\nhttps://x.example/b\nhttp://y.example\nC:\\Users\\ada\nC:\\Temp\nstd::vector<int> v;\nstd::map<int, int> m;\nmailto:ada@example.com\nmailto:ben@example.com";
        var turns = Turns("AI: " + answer);

        Assert.Equal([("AI", answer)], turns);
    }

    [Fact]
    public void Recurring_labels_are_speakers_even_when_they_are_not_role_names()
    {
        var messages = Parse("Ada: Shall we start?\nBen: Yes.\nAda: Good.\nBen: Go on.");

        Assert.Equal(["Ada", "Ben", "Ada", "Ben"], messages.Select(m => m.Speaker));
        Assert.All(messages, m => Assert.Equal(SpeakerRole.Participant, m.Role));
        Assert.Equal(["Shall we start?", "Yes.", "Good.", "Go on."], messages.Select(m => m.Content));
    }

    [Fact]
    public void A_label_seen_once_does_not_start_a_turn_even_between_recurring_speakers()
    {
        Assert.Equal([("Ada", "one\nBen: two"), ("Ada", "three")], Turns("Ada: one\nBen: two\nAda: three"));
    }

    [Fact]
    public void In_a_timestamped_transcript_a_timed_line_starts_a_turn_even_for_a_one_off_speaker()
    {
        var messages = Parse("[10:00] Ada: Shall we start?\n[10:01] Ben: Yes.\n[10:02] Cy: Me too.\n[10:03] Ada: Good.\nNote: once, untimed");

        Assert.Equal(["Ada", "Ben", "Cy", "Ada"], messages.Select(m => m.Speaker));
        Assert.Equal("Good.\nNote: once, untimed", messages[3].Content);
        Assert.Equal([("Ada", "a"), ("Ben", "b")], Turns("[10:00] Ada: a\n[10:01] Ben: b"));
    }

    [Fact]
    public void In_an_untimed_transcript_a_timed_agenda_line_is_text()
    {
        const string answer = "Plan:\n09:00 Intro: welcome\n10:30 Review: budget";
        Assert.Equal([("Human", "Plan?"), ("AI", answer)], Turns("Human: Plan?\nAI: " + answer));
    }

    [Fact]
    public void Labels_match_case_insensitively_and_keep_their_first_spelling()
    {
        Assert.Equal([("Ada", "a"), ("Ada", "b")], Turns("Ada: a\nADA: b"));
    }

    [Fact]
    public void Labels_must_be_short()
    {
        const string text = "AI: Remember the following rule of thumb: keep it short.\nRemember the following rule of thumb: again.";
        Assert.Single(Parse(text));

        string longLabel = new string('x', 41);
        Assert.Single(Parse($"AI: a\n{longLabel}: b\n{longLabel}: c"));
    }

    [Fact]
    public void Text_before_the_first_turn_belongs_to_an_unknown_participant()
    {
        var messages = Parse("Support call, recorded 1 May\n\nCustomer: My order is late.\nAgent: Let me check.");

        Assert.Equal(3, messages.Count);
        Assert.Equal(new ConversationMessage(0, "Unknown", SpeakerRole.Participant, "Support call, recorded 1 May", null), messages[0]);
        Assert.Equal((SpeakerRole.Human, "Customer"), (messages[1].Role, messages[1].Speaker));
        Assert.Equal((SpeakerRole.Ai, "Agent"), (messages[2].Role, messages[2].Speaker));
    }

    [Fact]
    public void Text_without_any_label_is_one_unknown_message()
    {
        Assert.Equal([("Unknown", "just some words\nover two lines")], Turns("just some words\nover two lines\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \r\n")]
    [InlineData("Human:\nAI:   \n")]
    public void Transcripts_without_text_give_no_messages(string transcript) => Assert.Empty(Parse(transcript));

    [Fact]
    public void Turns_without_text_are_skipped_and_indices_stay_contiguous()
    {
        var messages = Parse("Human:\nAI: hi\nHuman:   \nAI: again");

        Assert.Equal([0, 1], messages.Select(m => m.Index));
        Assert.Equal(["AI", "AI"], messages.Select(m => m.Speaker));
    }

    [Fact]
    public void Windows_and_old_mac_line_endings_read_like_unix_ones()
    {
        var unix = Parse("Human: a\nb\n\nc\nAI: d\n");
        Assert.Equal(unix, Parse("Human: a\r\nb\r\n\r\nc\r\nAI: d\r\n"));
        Assert.Equal(unix, Parse("Human: a\rb\r\rc\rAI: d\r"));
        Assert.DoesNotContain(Parse("Human: a\r\nb\r\nAI: d").SelectMany(m => m.Content), c => c == '\r');
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        Assert.Equal([("Human", "hi")], Turns("\uFEFFHuman: hi"));
    }

    [Fact]
    public void Unicode_emoji_and_right_to_left_text_are_kept()
    {
        var turns = Turns("User: مرحبا، كيف حالك؟ 👋🏽\nAssistant: שלום! 🌍 Zoë — ça va?\n用户：你好\n助手：您好\n用户：谢谢\n助手：不客气");

        Assert.Equal(
            [("User", "مرحبا، كيف حالك؟ 👋🏽"), ("Assistant", "שלום! 🌍 Zoë — ça va?"), ("用户", "你好"), ("助手", "您好"), ("用户", "谢谢"), ("助手", "不客气")],
            turns);
    }

    [Fact]
    public void Code_sql_and_html_inside_a_turn_are_kept_verbatim()
    {
        const string answer = "Here you go:\n```sql\nSELECT id, name FROM users WHERE note = 'Note: x';\n```\n<div class=\"alert\">Warning: careful</div>\n    default: return 0;\ndef handler(event): pass\n\n\tkey: value\n$ echo \"User: spoof\" | grep x";
        var turns = Turns("Human: Write it\nAssistant: " + answer + "\nHuman: Thanks");

        Assert.Equal([("Human", "Write it"), ("Assistant", answer), ("Human", "Thanks")], turns);
    }

    [Fact]
    public void Markdown_bold_labels_are_recognized()
    {
        Assert.Equal([("User", "hi"), ("Assistant", "hello")], Turns("**User:** hi\n**Assistant**: hello"));
    }

    [Fact]
    public void Role_names_follow_the_role_inference()
    {
        var messages = Parse("System: Be kind.\nCustomer: Hello\nChatGPT: Hi\nClaude: Hey\nInterviewer: once");

        Assert.Equal([SpeakerRole.System, SpeakerRole.Human, SpeakerRole.Ai, SpeakerRole.Ai], messages.Select(m => m.Role));
        Assert.Equal("Hey\nInterviewer: once", messages[3].Content);
    }

    [Fact]
    public void Ten_thousand_turns_parse_in_linear_time()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            builder.Append(i % 2 == 0 ? "[10:04] Ada: " : "Ben: ").Append("message number ").Append(i).Append(" with some words\ncontinued here\n\n");
        }

        string transcript = builder.ToString();
        TranscriptParser.Parse(transcript);
        var stopwatch = Stopwatch.StartNew();
        var messages = TranscriptParser.Parse(transcript).Messages;
        stopwatch.Stop();

        Assert.Equal(10_000, messages.Count);
        Assert.Equal("message number 9999 with some words\ncontinued here", messages[^1].Content);
        Assert.True(stopwatch.ElapsedMilliseconds < 1_000, $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void One_enormous_line_parses_quickly()
    {
        string transcript = "AI: " + string.Concat(Enumerable.Repeat("word: ", 400_000));
        var stopwatch = Stopwatch.StartNew();
        var message = Assert.Single(Parse(transcript));
        stopwatch.Stop();

        Assert.Equal("AI", message.Speaker);
        Assert.True(stopwatch.ElapsedMilliseconds < 1_000, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
