namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Chooses the one move a message makes from its marker phrases and its place in the exchange.
/// </summary>
/// <remarks>
/// Markers (see <see cref="DiscourseLexicon"/>): claim ("I think", "the answer is", "clearly", or — when nothing else
/// fires — a declarative copular/modal generalisation of at least five words whose subject is not a pronoun, e.g.
/// "Remote work is better for focus"); challenge ("I disagree", "that's not right", "are you sure", a sentence
/// opening with "But/However/Yet", or a concession followed by "but/however/though" — "fair point, but…"; an
/// accusation — "you're (being) (really) unfair/defensive/ridiculous…" with at most two words between and no negator;
/// the other's own words turned back in a question or after "but" — "can courage be the absence of fear, as you first
/// said?"; a rejected framing — "that's not fair", "don't lecture me", "that is not the same thing");
/// concession ("you're right", "fair point", "I agree", "I stand corrected"); clarification ("I mean", "to
/// clarify", "in other words", or asking for one: "what do you mean by…", "could you clarify"); synthesis ("overall", "in summary", "putting it together", "that reconciles", "you're
/// both right", or "both X and Y" in a message that also concedes or claims). A negator just before a concession,
/// claim or synthesis marker cancels it ("not a fair point"). Challenges and concessions answer someone: in a message
/// before any other speaker has spoken they count as claims. When several moves fire, the precedence is synthesis >
/// challenge > concession > clarification > claim (a synthesis usually concedes and claims on the way).
/// </remarks>
internal static class MoveClassifier
{
    private const int BothAndMaxGap = 8;
    private const int CopulaClaimMinWords = 5;
    private const int CopulaLatestPosition = 4;

    /// <summary>Words allowed between "you're" and the trait it accuses the other of ("being really defensive").</summary>
    private const int AccusationMaxGap = 2;

    /// <summary>How far a "you said" looks ahead for the end of its sentence (a bound for hostile input).</summary>
    private const int SentenceLookAhead = 64;

    public static DialecticMove Classify(
        PhraseMatcher matcher, List<int> tokens, List<PhraseHit> hits, bool responding, out MessageCues cues)
    {
        int leading = 0, problem = 0, service = 0, explanation = 0, firstPerson = 0, instruction = 0, learning = 0;
        bool claim = false, challenge = false, concession = false, clarification = false, synthesis = false;
        int youAreEnd = -1, lastContrast = -1;
        int firstConcession = -1;
        bool contrastAfterConcession = false;
        int lastBoth = -1;
        bool bothAnd = false;

        foreach (PhraseHit hit in hits)
        {
            DiscourseTag tags = hit.Tags;
            int p = hit.Position;
            if ((tags & (DiscourseTag.Claim | DiscourseTag.Concession | DiscourseTag.Synthesis)) != 0 && IsNegated(matcher, tokens, p))
            {
                tags &= ~(DiscourseTag.Claim | DiscourseTag.Concession | DiscourseTag.Synthesis);
            }

            claim |= (tags & DiscourseTag.Claim) != 0;
            challenge |= (tags & DiscourseTag.Challenge) != 0;
            clarification |= (tags & DiscourseTag.Clarification) != 0;
            synthesis |= (tags & DiscourseTag.Synthesis) != 0;
            if ((tags & DiscourseTag.Concession) != 0)
            {
                concession = true;
                firstConcession = firstConcession < 0 ? p : firstConcession;
            }

            if ((tags & DiscourseTag.ChallengeAtSentenceStart) != 0 && hit.Length == 1 && IsSentenceStart(tokens, p))
            {
                challenge = true;
            }

            if ((tags & DiscourseTag.Contrast) != 0 && firstConcession >= 0 && p > firstConcession)
            {
                contrastAfterConcession = true;
            }

            if ((tags & DiscourseTag.Contrast) != 0)
            {
                lastContrast = p;
            }

            if ((tags & DiscourseTag.YouAre) != 0)
            {
                youAreEnd = Math.Max(youAreEnd, p + hit.Length);
            }

            if ((tags & DiscourseTag.NegativeTrait) != 0 && youAreEnd >= 0 && p >= youAreEnd && p - youAreEnd <= AccusationMaxGap
                && SameSentence(tokens, youAreEnd - 1, p) && !NegatorBetween(matcher, tokens, youAreEnd, p))
            {
                // "You're being really defensive", "and you're unbearable": calling the other names answers them back.
                challenge = true;
            }

            if ((tags & DiscourseTag.QuotesOther) != 0
                && (EndsWithQuestion(tokens, p) || lastContrast >= 0 && SameSentence(tokens, lastContrast, p)))
            {
                // "…as you first said?", "but you said…": the other's own words turned against their position.
                challenge = true;
            }

            if ((tags & DiscourseTag.Both) != 0)
            {
                lastBoth = p;
            }

            if ((tags & DiscourseTag.And) != 0 && lastBoth >= 0 && p - lastBoth >= 2 && p - lastBoth <= BothAndMaxGap
                && SameSentence(tokens, lastBoth, p))
            {
                bothAnd = true;
            }

            leading += (tags & DiscourseTag.Leading) != 0 ? 1 : 0;
            problem += (tags & DiscourseTag.Problem) != 0 ? 1 : 0;
            service += (tags & DiscourseTag.Service) != 0 ? 1 : 0;
            explanation += (tags & DiscourseTag.Explanation) != 0 ? 1 : 0;
            firstPerson += (tags & DiscourseTag.FirstPerson) != 0 && hit.Length == 1 ? 1 : 0;
            instruction += (tags & DiscourseTag.Instruction) != 0 ? 1 : 0;
            learning += (tags & DiscourseTag.Learning) != 0 ? 1 : 0;
        }

        cues = new MessageCues(leading, problem, service, explanation, firstPerson, instruction, learning);

        if (bothAnd && responding && (concession || claim))
        {
            synthesis = true;
        }

        if (concession && contrastAfterConcession)
        {
            // "You're right, but…": the concession is a preface to a challenge.
            concession = false;
            challenge = true;
        }

        if (!responding && (challenge || concession))
        {
            // Nobody has spoken yet, so there is nothing to challenge or concede: "I disagree that…" opens a position.
            claim = true;
            challenge = concession = false;
        }

        if (synthesis)
        {
            return DialecticMove.Synthesis;
        }

        if (challenge)
        {
            return DialecticMove.Challenge;
        }

        if (concession)
        {
            return DialecticMove.Concession;
        }

        if (clarification)
        {
            return DialecticMove.Clarification;
        }

        return claim || HasCopularClaim(matcher, tokens) ? DialecticMove.Claim : DialecticMove.None;
    }

    /// <summary>"not a fair point", "never clearly": a negator right before the marker or one intensifier earlier.</summary>
    private static bool IsNegated(PhraseMatcher matcher, List<int> tokens, int position)
    {
        if (position >= 1 && (matcher.TagsOfWord(tokens[position - 1]) & DiscourseTag.Negator) != 0)
        {
            return true;
        }

        return position >= 2
            && (matcher.TagsOfWord(tokens[position - 1]) & DiscourseTag.Intensifier) != 0
            && (matcher.TagsOfWord(tokens[position - 2]) & DiscourseTag.Negator) != 0;
    }

    private static bool NegatorBetween(PhraseMatcher matcher, List<int> tokens, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if ((matcher.TagsOfWord(tokens[i]) & DiscourseTag.Negator) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence holding <paramref name="position"/> ends with a question mark.</summary>
    private static bool EndsWithQuestion(List<int> tokens, int position)
    {
        int last = Math.Min(tokens.Count, position + SentenceLookAhead);
        for (int i = position; i < last; i++)
        {
            if (tokens[i] <= PhraseMatcher.SentenceBreak)
            {
                return tokens[i] == PhraseMatcher.QuestionBreak;
            }
        }

        return false;
    }

    private static bool IsSentenceStart(List<int> tokens, int position) =>
        position == 0 || tokens[position - 1] <= PhraseMatcher.SentenceBreak;

    private static bool SameSentence(List<int> tokens, int from, int to)
    {
        for (int i = from + 1; i < to; i++)
        {
            if (tokens[i] <= PhraseMatcher.SentenceBreak)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A declarative sentence (not ending in "?") of at least five words whose first word is not a pronoun, filler or
    /// question word, with a copula or modal among its first words: "Remote work is better for focus."
    /// </summary>
    private static bool HasCopularClaim(PhraseMatcher matcher, List<int> tokens)
    {
        int start = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] > PhraseMatcher.SentenceBreak)
            {
                continue;
            }

            if (tokens[i] == PhraseMatcher.SentenceBreak && i - start >= CopulaClaimMinWords
                && (matcher.TagsOfWord(tokens[start]) & DiscourseTag.NotClaimSubject) == 0)
            {
                int last = Math.Min(start + CopulaLatestPosition, i - 1);
                for (int k = start + 1; k <= last; k++)
                {
                    if ((matcher.TagsOfWord(tokens[k]) & DiscourseTag.Copula) != 0)
                    {
                        return true;
                    }
                }
            }

            start = i + 1;
        }

        return false;
    }
}
