using Observatory.Analysis.Recursive;
using Observatory.Analysis.Core;
using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Links each question message to the message that answers it. Candidates are the messages within the next
/// <see cref="Window"/> written by someone other than the asker, with at least one word, that are not themselves
/// pure questions (a counter-question such as "Which device?" does not answer, but the reply after the asker
/// clarifies still can; a tentative answer with a question mark, "Um, 2 and 3?", is no counter-question). The
/// asker's own follow-ups are skipped. The first candidate that answers is linked; a question no candidate answers
/// is unanswered.
/// </summary>
/// <remarks>
/// <para>The next message by someone else does not answer automatically: "By the way, the coffee machine is broken
/// again" after "Why did they reject our quote?" leaves the question open. A candidate answers when one of these holds
/// (see <see cref="QuestionShape"/> and <see cref="ReplyReading"/>):</para>
/// <list type="number">
/// <item>never when it opens by changing the subject ("by the way", "anyway", "I'm off to lunch", "gotta go");</item>
/// <item>an AI replying to a human: assistants respond to the prompt they are given;</item>
/// <item>it shares a content term (stem, stop words excluded) with the question message: "What is courage?" →
/// "Courage is…";</item>
/// <item>it opens with a verdict or an answer: "yes", "no", "sure", "probably", "not really", "I think…",
/// "because…", "it's…", "there's…", "you can…", "try…", "the answer…";</item>
/// <item>it gives what the question asks for: a yes/no question's subject taken up ("Did they confirm…?" →
/// "They said…", "Is Mateo coming?" → "He might…"; a request or proposal to "you"/"everyone"/"we" met with a number
/// or a time: "can u run it?" → "doing it now", "should we take the early train?" → "The 8:10…"), a time or a
/// condition for "when/what time/how long" ("on the 14th", "at 5pm", "when x − 2 = 0"), a number for "how
/// many/much", a person for "who" ("Marta is.", "me"), a bare fragment of at most four words for any wh-question
/// ("Chance encounters, mostly."); an open question ("what went well?") or an invitation ("What about the
/// offsite?", "Anything else?", "Documentation?") takes any reply that says more than a reaction — only the typed
/// questions (yes/no, when, who, how many, why) are held to their kind of answer.</item>
/// </list>
/// <para>Once the asker has asked another question, a later reply is taken to answer the newer one: for the older
/// question only a shared content term still links it. Without English to read — the conversation's terms do not
/// look English, or the question has no English function word ("Kommst du morgen?") — no cue applies and the first
/// candidate is linked, as a reply is the best evidence there is. Linear: at most <see cref="Window"/> candidates per
/// question, each reply's opening read once (its names, times and numbers only when a question asks for them, from
/// its first characters); the content terms are the shared, memoized <see cref="TermExtractor"/> ones.</para>
/// </remarks>
internal static class AnswerLinker
{
    public const int Window = 4;

    /// <summary>The answering message index per message (-1 when not a question or unanswered).</summary>
    public static int[] Link(ConversationProfile profile, MessageReading[] readings, CancellationToken cancellationToken)
    {
        var answers = new int[readings.Length];
        Array.Fill(answers, -1);
        if (!Array.Exists(readings, reading => reading.Questions.IsQuestion))
        {
            return answers;
        }

        MessageTerms terms = TermExtractor.Extract(profile, cancellationToken);
        bool readable = terms.LooksEnglish;
        int[] speakers = profile.SpeakerIds;
        var replies = new ReplyReading?[readings.Length];
        var specifics = new ReplySpecifics?[readings.Length];
        var linked = new List<(int Question, int Answer)>();
        for (int i = 0; i < readings.Length; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            MessageQuestions questions = readings[i].Questions;
            if (!questions.IsQuestion)
            {
                continue;
            }

            string content = profile.Messages[i].Content;
            bool readableQuestion = readable && HasFunctionWords(terms.Documents[i]);
            QuestionShape shape = readableQuestion
                ? QuestionShape.Of(content.AsSpan(questions.FirstQuestionStart, questions.FirstQuestionLength))
                : default;
            bool askerMovedOn = false;
            int last = Math.Min(readings.Length - 1, i + Window);
            for (int j = i + 1; j <= last; j++)
            {
                MessageReading candidate = readings[j];
                if (speakers[j] == speakers[i])
                {
                    askerMovedOn |= candidate.Questions.IsQuestion;
                    continue;
                }

                if (candidate.Words == 0 || candidate.Questions.IsPureQuestion && !(readableQuestion && IsTentativeAnswer(profile, j, candidate)))
                {
                    continue;
                }

                if (!readableQuestion)
                {
                    answers[i] = j;
                    break;
                }

                ReplyReading reply = replies[j] ??= ReplyReading.Of(profile.Messages[j].Content);
                if (Answers(profile, terms, i, j, shape, reply, askerMovedOn, specifics) && !IsCannedRepeat(terms, speakers, linked, i, j))
                {
                    answers[i] = j;
                    linked.Add((i, j));
                    break;
                }
            }
        }

        return answers;
    }

    private static bool Answers(
        ConversationProfile profile, MessageTerms terms, int question, int reply, QuestionShape shape, ReplyReading reading,
        bool askerMovedOn, ReplySpecifics?[] specifics)
    {
        if (reading.Opening == ReplyOpening.TopicChange)
        {
            return false;
        }

        if (SharesTerm(terms.Documents[question], terms.Documents[reply]))
        {
            return true;
        }

        if (askerMovedOn)
        {
            return false;
        }

        if (profile.SpeakerRoles[profile.SpeakerIds[reply]] == SpeakerRole.Ai
            && profile.SpeakerRoles[profile.SpeakerIds[question]] != SpeakerRole.Ai)
        {
            return true;
        }

        if (reading.Opening is ReplyOpening.Verdict or ReplyOpening.Reason or ReplyOpening.Answer)
        {
            return true;
        }

        // What the reply names further on is read only for the questions that ask for it.
        ReplySpecifics Specifics() => specifics[reply] ??= ReplySpecifics.Of(profile.Messages[reply].Content);
        return shape.Ask switch
        {
            // "Can everyone post a number?" → "+49 30…"; "should we take the early train?" → "The 8:10…".
            QuestionAsk.YesNo => shape.EchoedBy(reading.Subject)
                || shape.Subject is Person.You or Person.We && (Specifics().NamesNumber || Specifics().NamesTime),
            QuestionAsk.When => reading.Fragment || reading.Opening == ReplyOpening.Condition || Specifics().NamesTime,
            QuestionAsk.Quantity => reading.Fragment || Specifics().NamesNumber,
            QuestionAsk.Who => reading.Fragment || reading.OpensWithPerson || Specifics().NamesPerson,
            QuestionAsk.Why => reading.Fragment,
            _ => reading.Substantive || reading.Fragment,
        };
    }

    /// <summary>English function words ("the", "did", "you") among the tokens: the cues can read this question.</summary>
    private static bool HasFunctionWords(TermDocument document)
    {
        int content = 0;
        foreach (int count in document.Counts)
        {
            content += count;
        }

        return document.Tokens.Length > content;
    }

    /// <summary>"Um, 2 and 3?": a question mark on a statement, offered as an answer rather than asking back.</summary>
    private static bool IsTentativeAnswer(ConversationProfile profile, int index, MessageReading reading)
    {
        MessageQuestions questions = reading.Questions;
        string content = profile.Messages[index].Content;
        return QuestionShape.Of(content.AsSpan(questions.FirstQuestionStart, questions.FirstQuestionLength)).Declarative;
    }

    /// <summary>Whether two messages share a content stem (both term lists are ascending: one merge pass).</summary>
    /// <summary>Share of content terms two messages have in common (Jaccard) from which one repeats the other.</summary>
    public const double RepeatSimilarity = 0.7;

    /// <summary>
    /// A reply that repeats what the same speaker already gave as the answer to a different question is a canned
    /// reply, not an answer: an assistant stuck in a loop pastes the same steps under every new question, and those
    /// questions stay unanswered. (Asking the same question again and getting the same answer is still answered.)
    /// </summary>
    private static bool IsCannedRepeat(MessageTerms terms, int[] speakers, List<(int Question, int Answer)> linked, int question, int reply)
    {
        foreach ((int earlierQuestion, int earlierAnswer) in linked)
        {
            if (earlierAnswer != reply
                && speakers[earlierAnswer] == speakers[reply]
                && NearDuplicates.Jaccard(terms.Documents[earlierAnswer].Terms, terms.Documents[reply].Terms) >= RepeatSimilarity
                && NearDuplicates.Jaccard(terms.Documents[earlierQuestion].Terms, terms.Documents[question].Terms) < RepeatSimilarity)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SharesTerm(TermDocument a, TermDocument b)
    {
        int[] x = a.Terms, y = b.Terms;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                return true;
            }

            if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }
}
