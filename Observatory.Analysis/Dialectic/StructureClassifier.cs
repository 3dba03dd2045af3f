using Observatory.Analysis.Core;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Labels the overall shape of a conversation from per-speaker profiles of questions, moves and cues. A fixed rule
/// list, first match wins:
/// <list type="number">
/// <item><c>monologue</c> — fewer than two speakers.</item>
/// <item><c>support</c> — someone mentions a problem ("not working", "my order", "refund", "error", "crashing"…;
/// the agent restating it counts too) and one speaker uses service language at least twice ("sorry to hear",
/// "thanks for your patience", "ticket", "is there anything else"…).</item>
/// <item><c>debate</c> — at least two challenge messages, from at least two speakers, making up ≥ 15 % of messages;
/// or one side sustaining ≥ 3 challenges in ≥ 30 % of messages.</item>
/// <item>Assisted (one speaker helps another; see <see cref="HelpSession"/>): a helper — an AI, a speaker named
/// like one ("Agent", "Support", "Tutor"…) or one using service language twice — and the client with the most
/// messages among the others (not an AI). Support evidence: the client's problem words, the helper's service words,
/// 2 for support names ("Customer", "Agent", "Support"…). Teaching evidence: the client's learning words ("I don't
/// get", "how do I", "I see"), the helper's how-to words ("let's", "click", "first", "try"), 2 for teaching names
/// ("Student", "Tutor"…). <c>support</c> when its evidence is at least 2 and exceeds the teaching evidence;
/// <c>tutorial</c> when the teaching evidence is at least 2; otherwise the next rule decides.</item>
/// <item>Question-led (one speaker, the asker, wrote ≥ 2 question messages, ≥ 70 % of all question messages, and
/// asks in at least half of their own messages; the responder is the other speaker with the most words):
///   <c>socratic</c> when the asker asked ≥ 3 times and either uses leading questions ("isn't it", "wouldn't you
///   agree", "surely") while the answers stay short (responder words/message ≤ 2 × asker's), or asks in longer turns
///   than the answers; else <c>tutorial</c> when answers are long (≥ 15 words and ≥ 1.5 × the asker's words/message)
///   and explanatory — the responder is an AI, or uses at least as many explanatory markers ("for example",
///   "because", "this means") as first-person words; else <c>interview</c> when the asker asked ≥ 3 times in at
///   least two thirds of their messages (friends trading a few questions while making plans are not interviewing).</item>
/// <item><c>casual</c> — none of the above: little questioning, arguing or explaining.</item>
/// </list>
/// </summary>
internal static class StructureClassifier
{
    public const string Monologue = "monologue";
    public const string Support = "support";
    public const string Debate = "debate";
    public const string Socratic = "socratic";
    public const string Tutorial = "tutorial";
    public const string Interview = "interview";
    public const string Casual = "casual";

    private const double AskerQuestionShare = 0.7;
    private const double AskerQuestionRate = 0.5;
    private const double InterviewQuestionRate = 2.0 / 3.0;
    private const int MinQuestionsForSeries = 3;
    private const int TutorialMinAnswerWords = 15;

    public static string Classify(ConversationProfile profile, MessageReading[] readings)
    {
        int speakers = profile.SpeakerCount;
        if (speakers < 2)
        {
            return Monologue;
        }

        var messages = new int[speakers];
        var words = new long[speakers];
        var questions = new int[speakers];
        var challenges = new int[speakers];
        var leading = new int[speakers];
        var cues = new SpeakerCues[speakers];
        int problemMentions = 0;
        for (int i = 0; i < readings.Length; i++)
        {
            int s = profile.SpeakerIds[i];
            MessageReading reading = readings[i];
            messages[s]++;
            words[s] += profile.WordCounts[i];
            questions[s] += reading.Questions.IsQuestion ? 1 : 0;
            challenges[s] += reading.Move == DialecticMove.Challenge ? 1 : 0;
            leading[s] += reading.Questions.IsQuestion ? reading.Cues.Leading : 0;
            cues[s].Add(reading.Cues);
            problemMentions += reading.Cues.Problem;
        }

        if (problemMentions > 0 && cues.Any(c => c.Service >= 2))
        {
            return Support;
        }

        int totalChallenges = challenges.Sum();
        int challengers = challenges.Count(c => c > 0);
        int total = readings.Length;
        if (totalChallenges >= 2 && challengers >= 2 && totalChallenges >= 0.15 * total
            || totalChallenges >= 3 && totalChallenges >= 0.3 * total)
        {
            return Debate;
        }

        if (HelpSession.Classify(profile, messages, cues) is { } assisted)
        {
            return assisted;
        }

        int totalQuestions = questions.Sum();
        int asker = IndexOfMax(questions);
        if (questions[asker] < 2 || questions[asker] < AskerQuestionShare * totalQuestions
            || questions[asker] < AskerQuestionRate * messages[asker])
        {
            return Casual;
        }

        int responder = -1;
        for (int s = 0; s < speakers; s++)
        {
            if (s != asker && messages[s] > 0 && (responder < 0 || words[s] > words[responder]))
            {
                responder = s;
            }
        }

        if (responder < 0)
        {
            return Casual;
        }

        double askerMean = (double)words[asker] / messages[asker];
        double responderMean = (double)words[responder] / messages[responder];
        if (questions[asker] >= MinQuestionsForSeries
            && (leading[asker] >= 1 && responderMean <= 2 * askerMean || responderMean < askerMean))
        {
            return Socratic;
        }

        bool longAnswers = responderMean >= TutorialMinAnswerWords && responderMean >= 1.5 * askerMean;
        bool explanatory = profile.SpeakerRoles[responder] == SpeakerRole.Ai
            || cues[responder].Explanation >= cues[responder].FirstPerson;
        if (longAnswers && explanatory)
        {
            return Tutorial;
        }

        return questions[asker] >= MinQuestionsForSeries && questions[asker] >= InterviewQuestionRate * messages[asker]
            ? Interview
            : Casual;
    }

    /// <summary>Index of the largest value; ties go to the lowest index (the earliest speaker).</summary>
    private static int IndexOfMax(int[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
