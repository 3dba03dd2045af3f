using Observatory.Analysis.Core;
using Observatory.Analysis.Sentiment.Lexicon;

namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Words the conversation keeps returning to are its subject, not its mood. In a discussion of courage, "courage",
/// "fear" and "danger" come up in message after message from both sides and say what is being talked about, not
/// how anyone feels; a lexicon scorer reads each of them as a feeling (VADER's known weakness with topical words:
/// "cancer research", "crime statistics"). So a lexicon family (<see cref="LexiconEntry.Family"/>: "courage",
/// "courageous", "courageously") that
/// <list type="bullet">
/// <item>is used by at least two speakers — a shared subject, whereas one speaker repeating "hate" is that
/// speaker's persistent feeling, and</item>
/// <item>carries a valence in more than k = max(<see cref="MinimumMessages"/>, <see cref="Share"/> · n) of the n
/// messages — more often than a feeling word tends to recur (a long, heated chat varies its words; a topic repeats
/// its own),</item>
/// </list>
/// counts k/df of its value in each message it appears in (df = the messages it carries a valence in), so the
/// topic weighs in total about as much as a word said k times. Formulas said afresh at each turn ("thanks",
/// "sorry", "I agree": <see cref="LexiconRoles.Formula"/>) are never a subject and are not logged for this.
/// Messages whose units change are re-normalized from their logged sum (<see cref="SentimentUnitLog"/>); every
/// other score stays exactly as the scorer gave it. O(units + families).
/// </summary>
internal static class TopicDamping
{
    public const int MinimumMessages = 2;
    public const double Share = 0.1;

    /// <summary>Re-weights topical families in <paramref name="scores"/> (in place); returns how many messages changed.</summary>
    public static int Apply(SentimentUnitLog log, ConversationProfile profile, int familyCount, double[] scores)
    {
        int n = log.Messages;
        double k = Math.Max(MinimumMessages, Share * n);
        if (n <= MinimumMessages || log.Count == 0)
        {
            return 0;
        }

        // Per family: the messages it carries a valence in, the last such message (+1, so 0 means none yet), and
        // who used it (0 nobody yet, speaker + 1 while only that speaker has, −1 once a second speaker has).
        var messages = new int[familyCount];
        var lastMessage = new int[familyCount];
        var speakers = new int[familyCount];
        for (int i = 0; i < n; i++)
        {
            int speaker = profile.SpeakerIds[i] + 1;
            for (int unit = log.Start(i); unit < log.End(i); unit++)
            {
                int family = log.Family(unit);
                if (lastMessage[family] == i + 1)
                {
                    continue;
                }

                lastMessage[family] = i + 1;
                messages[family]++;
                speakers[family] = speakers[family] == 0 || speakers[family] == speaker ? speaker : -1;
            }
        }

        int changed = 0;
        for (int i = 0; i < n; i++)
        {
            double removed = 0;
            for (int unit = log.Start(i); unit < log.End(i); unit++)
            {
                int family = log.Family(unit);
                if (speakers[family] < 0 && messages[family] > k)
                {
                    removed += log.Value(unit) * (1 - (k / messages[family]));
                }
            }

            if (removed != 0)
            {
                scores[i] = MessageSentimentScorer.Normalize(log.Sum(i) - removed, log.Exclamations(i), log.SarcasmMarker(i));
                changed++;
            }
        }

        return changed;
    }
}
