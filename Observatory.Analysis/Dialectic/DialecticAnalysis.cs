using Observatory.Analysis.Core;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Computes <see cref="DialecticPattern"/>: questions (see <see cref="QuestionDetector"/>), the answers that follow
/// them (<see cref="AnswerLinker"/>), one argumentative move per message (<see cref="MoveClassifier"/>) and a
/// structure label (<see cref="StructureClassifier"/>). One pass over the messages plus a linear linking pass.
/// </summary>
/// <remarks>
/// <c>questions</c> counts question messages (a message asking three things counts once, as in dynamics'
/// question_ratio); <c>question_sentences</c> counts the sentences. <c>answered</c> counts question messages with a
/// linked answer and <c>unanswered</c> lists the rest. <c>exchanges</c> lists the first <see cref="MaxExchanges"/>
/// answered questions in order (question excerpt: the first question sentence; answer excerpt: the start of the
/// answer), each ≤ 160 characters — <c>answered</c> still counts them all. Marker lexicons are English; other
/// languages get question-mark detection only, the first reply as the answer, no moves, and a structure from names
/// and roles alone (usually "casual").
/// </remarks>
internal static class DialecticAnalysis
{
    public const int MaxExchanges = 100;

    public static DialecticPattern Analyze(ConversationProfile profile, CancellationToken cancellationToken)
    {
        PhraseMatcher matcher = DiscourseLexicon.Matcher;
        int count = profile.MessageCount;
        var readings = new MessageReading[count];
        var tokens = new List<int>(256);
        var hits = new List<PhraseHit>(64);
        MessageQuestions[] asks = MessageQuestionReadings.Of(profile, cancellationToken);
        int firstSpeaker = count > 0 ? profile.SpeakerIds[0] : 0;
        bool othersHaveSpoken = false;

        for (int i = 0; i < count; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            string content = profile.Messages[i].Content;
            othersHaveSpoken |= profile.SpeakerIds[i] != firstSpeaker;
            bool responding = othersHaveSpoken;

            MessageQuestions questions = asks[i];
            matcher.Tokenize(content, tokens);
            matcher.Match(tokens, hits);
            DialecticMove move = MoveClassifier.Classify(matcher, tokens, hits, responding, out MessageCues cues);
            readings[i] = new MessageReading(questions, move, cues, profile.WordCounts[i]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        int[] answers = AnswerLinker.Link(profile, readings, cancellationToken);

        int questionMessages = 0, questionSentences = 0, rhetorical = 0, answered = 0;
        int claim = 0, challenge = 0, concession = 0, clarification = 0, synthesis = 0;
        var exchanges = new List<DialecticExchange>();
        var unanswered = new List<int>();
        var byMessage = new List<DialecticMoveMark>();
        for (int i = 0; i < count; i++)
        {
            MessageReading reading = readings[i];
            questionSentences += reading.Questions.QuestionSentences;
            rhetorical += reading.Questions.RhetoricalSentences;
            if (reading.Questions.IsQuestion)
            {
                questionMessages++;
                if (answers[i] >= 0)
                {
                    answered++;
                    if (exchanges.Count < MaxExchanges)
                    {
                        exchanges.Add(Exchange(profile, i, reading.Questions, answers[i]));
                    }
                }
                else
                {
                    unanswered.Add(i);
                }
            }

            switch (reading.Move)
            {
                case DialecticMove.Claim: claim++; break;
                case DialecticMove.Challenge: challenge++; break;
                case DialecticMove.Concession: concession++; break;
                case DialecticMove.Clarification: clarification++; break;
                case DialecticMove.Synthesis: synthesis++; break;
                default: continue;
            }

            byMessage.Add(new DialecticMoveMark { Index = i, Move = DialecticMoveNames.Of(reading.Move) });
        }

        return new DialecticPattern
        {
            Questions = questionMessages,
            Answered = answered,
            AnsweredRatio = Precision.Ratio(answered, questionMessages),
            Exchanges = exchanges,
            Moves = new DialecticMoves
            {
                Claim = claim,
                Challenge = challenge,
                Concession = concession,
                Clarification = clarification,
                Synthesis = synthesis,
            },
            Structure = StructureClassifier.Classify(profile, readings),
            QuestionSentences = questionSentences,
            Rhetorical = rhetorical,
            Unanswered = unanswered,
            ByMessage = byMessage,
        };
    }

    private static DialecticExchange Exchange(ConversationProfile profile, int question, MessageQuestions questions, int answer)
    {
        string questionText = profile.Messages[question].Content;
        return new DialecticExchange
        {
            QuestionIndex = question,
            AnswerIndex = answer,
            Question = Excerpts.Of(questionText.AsSpan(questions.FirstQuestionStart, questions.FirstQuestionLength)),
            Answer = Excerpts.Of(profile.Messages[answer].Content),
        };
    }
}
