using Observatory.Analysis.Sentiment.Lexicon;

namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Scores one message the way VADER does (Hutto &amp; Gilbert, 2014), with this engine's own lexicon:
/// <list type="number">
/// <item>Tokens are grouped into units: the longest lexicon phrase starting at a word ("thank you", "waste of
/// time", "not bad"), else the word itself; emoji and emoticons are units of their own.</item>
/// <item>Each sentiment unit starts from its valence (−4..+4). Boosters up to three units before it in the same
/// clause add their scalar to its magnitude (diminishers take it away), decaying 1, 0.95, 0.9 with distance. A word
/// in CAPITALS adds 0.733 when the message is not written all in capitals; an elongated word ("sooo") adds 0.293.
/// A negator up to three units before it in the same clause multiplies by −0.74. Latent words ("work", "help")
/// count only when negated. A word that can be a booster ("terribly") is a booster when a sentiment word follows
/// within three units, a sentiment word otherwise. Emoji and emoticons keep their valence as is.</item>
/// <item>Contrast: with "but"/"however" in the message, units before the last such marker count ×0.5 and units after
/// it ×1.5; the clause opened by "although"/"though"/"despite" counts ×0.5, and when that clause opens its sentence
/// ("Although X, Y") what follows it counts ×1.5.</item>
/// <item>Sarcasm, detected only from cheap surface cues: a sarcasm-prone positive word ("great", "perfect") right
/// after "oh"/"just"/"gee", followed within two units by "another"/"again", or standing alone as an interjection
/// before something negative with no "but" in the message ("Perfect, the app crashed again."), and "love how/when
/// …" followed by something negative, flip that word to −0.75× its magnitude. A sarcastic set phrase ("yeah right",
/// "thanks for nothing") flips every positive unit of the message the same way. An explicit "/s" or "#sarcasm" flips
/// the whole message (sum ×−0.75). Sarcasm without such cues is not detected.</item>
/// <item>The sum gains 0.292 of magnitude per "!" (at most four), then is normalized to −1..1 as x/√(x²+15).</item>
/// </list>
/// One scorer per analysis: it reuses its buffers from message to message and is not thread-safe.
/// </summary>
internal sealed class MessageSentimentScorer
{
    private const int Window = 3;
    private const float NegationScalar = -0.74f;
    private const float CapsIncrement = 0.733f;
    private const float ElongationIncrement = 0.293f;
    private const float ExclamationIncrement = 0.292f;
    private const int MaxExclamations = 4;
    private const float SarcasmScalar = -0.75f;
    private const float BeforeContrast = 0.5f;
    private const float AfterContrast = 1.5f;
    private const float InConcession = 0.5f;
    private const double NormalizationAlpha = 15;

    private static readonly float[] BoosterDecay = [1f, 0.95f, 0.9f];

    private readonly SentimentLexicon _lexicon;
    private readonly TokenizedMessage _tokens = new();
    private Unit[] _units = new Unit[64];
    private int _unitCount;

    public MessageSentimentScorer(SentimentLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    public MessageScore Score(string text) => Score(text, null);

    /// <param name="log">When given, receives the message's word units and sum (<see cref="SentimentUnitLog"/>).</param>
    public MessageScore Score(string text, SentimentUnitLog? log)
    {
        int firstLogged = log?.Count ?? 0;
        SentimentTokenizer.Tokenize(text, _lexicon, _tokens);
        BuildUnits();

        bool emphasisAllowed = _tokens.CapsWords > 0 && _tokens.LowerWords > 0;
        int lastContrast = -1;
        int lastNegative = -1;
        for (int u = 0; u < _unitCount; u++)
        {
            ref Unit unit = ref _units[u];
            if (unit.Entry.Has(LexiconRoles.Contrast))
            {
                lastContrast = u;
            }

            if (unit.BaseValence < 0 && !unit.Entry.Has(LexiconRoles.Latent))
            {
                lastNegative = u;
            }
        }

        float positive = 0;
        float negative = 0;
        bool hit = false;
        bool sarcastic = false;
        bool sarcasticPhrase = false;
        int concessionEnd = -1;
        int mainClauseStart = int.MaxValue;
        for (int u = 0; u < _unitCount; u++)
        {
            ref Unit unit = ref _units[u];
            if (unit.Entry.Has(LexiconRoles.Concession))
            {
                concessionEnd = EndOfClause(u);
                if ((u == 0 || unit.BreakBefore) && lastContrast < 0)
                {
                    // "Although X, Y": Y is the main clause and weighs like the part after "but".
                    mainClauseStart = Math.Min(mainClauseStart, concessionEnd + 1);
                }
            }

            sarcasticPhrase |= unit.Entry.Has(LexiconRoles.SarcasmPhrase);
            float value = unit.IsWord ? WordValue(u, emphasisAllowed, lastNegative, lastContrast, ref sarcastic) : unit.BaseValence;
            if (value == 0)
            {
                continue;
            }

            if (lastContrast >= 0 && u != lastContrast)
            {
                value *= u < lastContrast ? BeforeContrast : AfterContrast;
            }

            if (u <= concessionEnd)
            {
                value *= InConcession;
            }
            else if (u >= mainClauseStart)
            {
                value *= AfterContrast;
            }

            hit = true;
            if (log is not null && unit.IsWord && unit.Entry.Family != 0 && !unit.Entry.Has(LexiconRoles.Formula))
            {
                log.Add(unit.Entry.Family, value);
            }

            if (value > 0)
            {
                positive += value;
            }
            else
            {
                negative += value;
            }
        }

        if (sarcasticPhrase)
        {
            negative += SarcasmScalar * positive;
            positive = 0;
            sarcastic = true;
            log?.FlipPositives(firstLogged, SarcasmScalar);
        }

        double sum = positive + negative;
        log?.EndMessage(sum, _tokens.Exclamations, _tokens.SarcasmMarker);
        return new MessageScore(Normalize(sum, _tokens.Exclamations, _tokens.SarcasmMarker), hit, sarcastic || _tokens.SarcasmMarker);
    }

    /// <summary>
    /// The last steps from a message's summed units to its score: an explicit sarcasm marker flips the sum (×−0.75),
    /// each "!" (at most four) adds 0.292 of magnitude, and x/√(x²+15) maps it into −1..1.
    /// </summary>
    public static double Normalize(double sum, int exclamations, bool sarcasmMarker)
    {
        if (sarcasmMarker)
        {
            sum *= SarcasmScalar;
        }

        if (sum != 0)
        {
            sum += Math.Sign(sum) * Math.Min(exclamations, MaxExclamations) * ExclamationIncrement;
        }

        return Math.Clamp(sum / Math.Sqrt((sum * sum) + NormalizationAlpha), -1, 1);
    }

    /// <summary>The adjusted valence of a word or phrase unit; 0 when it carries none here.</summary>
    private float WordValue(int u, bool emphasisAllowed, int lastNegative, int lastContrast, ref bool sarcastic)
    {
        ref Unit unit = ref _units[u];
        float valence = unit.BaseValence;
        if (valence == 0 || (unit.Entry.Boost != 0 && SentimentFollows(u)))
        {
            return 0;
        }

        bool negated = false;
        float boost = 0;
        for (int d = 1; d <= Window && u - d >= 0 && !_units[u - d + 1].BreakBefore; d++)
        {
            LexiconEntry before = _units[u - d].Entry;
            negated |= before.Has(LexiconRoles.Negator);
            boost += before.Boost * BoosterDecay[d - 1];
        }

        if (unit.Entry.Has(LexiconRoles.Latent) && !negated)
        {
            return 0;
        }

        float magnitude = Math.Abs(valence) + boost;
        if (unit.IsCaps && emphasisAllowed)
        {
            magnitude += CapsIncrement;
        }

        if (unit.IsElongated)
        {
            magnitude += ElongationIncrement;
        }

        float value = MathF.CopySign(Math.Max(magnitude, 0), valence);
        if (negated)
        {
            return value * NegationScalar;
        }

        if (value > 0 && IsSarcasticUse(u, lastNegative, lastContrast))
        {
            sarcastic = true;
            return SarcasmScalar * value;
        }

        return value;
    }

    private bool IsSarcasticUse(int u, int lastNegative, int lastContrast)
    {
        LexiconEntry entry = _units[u].Entry;
        if (entry.Has(LexiconRoles.SarcasmProne))
        {
            if (u > 0 && _units[u - 1].Entry.Has(LexiconRoles.SarcasmLead))
            {
                return true;
            }

            // An interjection standing alone before bad news: "Perfect, the app crashed again."
            bool standsAlone = (u == 0 || _units[u].BreakBefore) && u + 1 < _unitCount && _units[u + 1].BreakBefore;
            if (standsAlone && lastNegative > u && lastContrast < 0)
            {
                return true;
            }

            for (int d = 1; d <= 2 && u + d < _unitCount; d++)
            {
                if (_units[u + d].Entry.Has(LexiconRoles.SarcasmFollow))
                {
                    return true;
                }
            }
        }

        if (entry.Has(LexiconRoles.SarcasmLove) && lastNegative > u)
        {
            for (int d = 1; d <= 2 && u + d < _unitCount; d++)
            {
                if (_units[u + d].Entry.Has(LexiconRoles.SarcasmLoveFollow))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a sentiment word (not another booster) follows within the window, in the same clause.</summary>
    private bool SentimentFollows(int u)
    {
        for (int d = 1; d <= Window && u + d < _unitCount && !_units[u + d].BreakBefore; d++)
        {
            ref Unit next = ref _units[u + d];
            if (next.IsWord && next.BaseValence != 0 && next.Entry.Boost == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last unit of the clause that unit <paramref name="u"/> is in.</summary>
    private int EndOfClause(int u)
    {
        int end = u;
        while (end + 1 < _unitCount && !_units[end + 1].BreakBefore)
        {
            end++;
        }

        return end;
    }

    /// <summary>Groups tokens into units: the longest lexicon phrase at each word, else the word; emoji as they are.</summary>
    private void BuildUnits()
    {
        _unitCount = 0;
        if (_units.Length < _tokens.Count)
        {
            _units = new Unit[Math.Max(_tokens.Count, _units.Length * 2)];
        }

        int t = 0;
        while (t < _tokens.Count)
        {
            ref SentimentToken token = ref _tokens[t];
            if (token.Kind != SentimentTokenKind.Word)
            {
                _units[_unitCount++] = new Unit { BaseValence = token.Valence, BreakBefore = token.BreakBefore };
                t++;
                continue;
            }

            if (!_lexicon.TryGetWord(_tokens.WordText(t), token.IsElongated, out LexiconEntry entry, out int longestPhrase))
            {
                entry = default;
            }

            int words = 1;
            if (longestPhrase >= 2 && MatchPhrase(t, longestPhrase) is { Words: > 0 } phrase)
            {
                (words, entry) = phrase;
            }

            bool caps = true;
            bool elongated = false;
            for (int k = t; k < t + words; k++)
            {
                caps &= _tokens[k].IsCaps;
                elongated |= _tokens[k].IsElongated;
            }

            _units[_unitCount++] = new Unit
            {
                Entry = entry,
                BaseValence = entry.Valence,
                IsWord = true,
                IsCaps = caps,
                IsElongated = elongated,
                BreakBefore = token.BreakBefore,
            };
            t += words;
        }
    }

    /// <summary>The longest lexicon phrase starting at token <paramref name="t"/> (0 words when none).</summary>
    private (int Words, LexiconEntry Entry) MatchPhrase(int t, int longest)
    {
        // Only consecutive words in one clause can form a phrase.
        int available = 1;
        while (available < longest && t + available < _tokens.Count
               && _tokens[t + available].Kind == SentimentTokenKind.Word && !_tokens[t + available].BreakBefore)
        {
            available++;
        }

        ReadOnlySpan<char> text = _tokens.Text;
        int start = _tokens[t].Start;
        for (int words = available; words >= 2; words--)
        {
            if (_lexicon.TryGetPhrase(text[start.._tokens[t + words - 1].End], out LexiconEntry entry))
            {
                return (words, entry);
            }
        }

        return (0, default);
    }

    private struct Unit
    {
        public LexiconEntry Entry;
        public float BaseValence;
        public bool IsWord;
        public bool IsCaps;
        public bool IsElongated;
        public bool BreakBefore;
    }
}
