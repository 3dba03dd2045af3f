namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer, as in Martin Porter's reference C implementation (which also maps
/// "-bli" → "-ble" and "-logi" → "-log"). Chosen over a plain S-stemmer because chat mixes tenses and derivations
/// ("filing", "filed", "files" → "file"; "cooking", "cooked" → "cook"; "taxes" → "tax") and the topics and repetition
/// analyses need those to count as one term. Stems are not words ("password" stays, "happy" → "happi"); callers show
/// the stem's most frequent surface form instead (<see cref="TermVocabulary.Display"/>).
/// </summary>
/// <remarks>
/// Only lower-case ASCII words are stemmed (the rules are English); anything else is returned as given. Words of one
/// or two letters are left alone, as in the reference. Runs once per distinct token, not per occurrence.
/// </remarks>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !IsLowerAscii(word))
        {
            return word;
        }

        var state = new State(word);
        state.Step1ab();
        if (state.K > 0)
        {
            state.Step1c();
            state.Step2();
            state.Step3();
            state.Step4();
            state.Step5();
        }

        return new string(state.B, 0, state.K + 1);
    }

    private static bool IsLowerAscii(string word)
    {
        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word being stemmed: b[0..k] is the current word, j marks the end of the stem before a suffix.</summary>
    private sealed class State(string word)
    {
        public readonly char[] B = word.ToCharArray();
        public int K = word.Length - 1;
        private int _j;

        private bool IsConsonant(int i) => B[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The measure m of b[0.._j]: the number of vowel–consonant sequences, [C](VC)^m[V].</summary>
        private int Measure()
        {
            int n = 0;
            int i = 0;
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (!IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (int i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int i) => i >= 1 && B[i] == B[i - 1] && IsConsonant(i);

        /// <summary>consonant–vowel–consonant ending at i, the last consonant not w, x or y ("hop", not "snow").</summary>
        private bool ConsonantVowelConsonant(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }

            return B[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string suffix)
        {
            int length = suffix.Length;
            if (length > K + 1 || B[K] != suffix[length - 1])
            {
                return false;
            }

            if (!B.AsSpan(K - length + 1, length).SequenceEqual(suffix))
            {
                return false;
            }

            _j = K - length;
            return true;
        }

        private void SetTo(string replacement)
        {
            replacement.CopyTo(0, B, _j + 1, replacement.Length);
            K = _j + replacement.Length;
        }

        private void ReplaceIfMeasured(string replacement)
        {
            if (Measure() > 0)
            {
                SetTo(replacement);
            }
        }

        /// <summary>Plurals and -ed/-ing: caresses → caress, ponies → poni, agreed → agree, hopping → hop.</summary>
        public void Step1ab()
        {
            if (B[K] == 's')
            {
                if (EndsWith("sses"))
                {
                    K -= 2;
                }
                else if (EndsWith("ies"))
                {
                    SetTo("i");
                }
                else if (B[K - 1] != 's')
                {
                    K--;
                }
            }

            if (EndsWith("eed"))
            {
                if (Measure() > 0)
                {
                    K--;
                }
            }
            else if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                K = _j;
                if (EndsWith("at"))
                {
                    SetTo("ate");
                }
                else if (EndsWith("bl"))
                {
                    SetTo("ble");
                }
                else if (EndsWith("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(K))
                {
                    K--;
                    if (B[K] is 'l' or 's' or 'z')
                    {
                        K++;
                    }
                }
                else
                {
                    _j = K;
                    if (Measure() == 1 && ConsonantVowelConsonant(K))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        /// <summary>Terminal y → i when there is another vowel in the stem: happy → happi, sky → sky.</summary>
        public void Step1c()
        {
            if (EndsWith("y") && VowelInStem())
            {
                B[K] = 'i';
            }
        }

        /// <summary>Double suffixes to single ones: relational → relate, digitizer → digitize.</summary>
        public void Step2()
        {
            switch (B[K - 1])
            {
                case 'a':
                    _ = TryReplace("ational", "ate") || TryReplace("tional", "tion");
                    break;
                case 'c':
                    _ = TryReplace("enci", "ence") || TryReplace("anci", "ance");
                    break;
                case 'e':
                    _ = TryReplace("izer", "ize");
                    break;
                case 'l':
                    _ = TryReplace("bli", "ble") || TryReplace("alli", "al") || TryReplace("entli", "ent")
                        || TryReplace("eli", "e") || TryReplace("ousli", "ous");
                    break;
                case 'o':
                    _ = TryReplace("ization", "ize") || TryReplace("ation", "ate") || TryReplace("ator", "ate");
                    break;
                case 's':
                    _ = TryReplace("alism", "al") || TryReplace("iveness", "ive") || TryReplace("fulness", "ful")
                        || TryReplace("ousness", "ous");
                    break;
                case 't':
                    _ = TryReplace("aliti", "al") || TryReplace("iviti", "ive") || TryReplace("biliti", "ble");
                    break;
                case 'g':
                    _ = TryReplace("logi", "log");
                    break;
            }
        }

        /// <summary>-ic-, -full, -ness etc.: triplicate → triplic, hopeful → hope, goodness → good.</summary>
        public void Step3()
        {
            switch (B[K])
            {
                case 'e':
                    _ = TryReplace("icate", "ic") || TryReplace("ative", "") || TryReplace("alize", "al");
                    break;
                case 'i':
                    _ = TryReplace("iciti", "ic");
                    break;
                case 'l':
                    _ = TryReplace("ical", "ic") || TryReplace("ful", "");
                    break;
                case 's':
                    _ = TryReplace("ness", "");
                    break;
            }
        }

        /// <summary>Removes -ant, -ence, -ment, … when the remaining stem has m > 1: adjustment → adjust.</summary>
        public void Step4()
        {
            bool matched = B[K - 1] switch
            {
                'a' => EndsWith("al"),
                'c' => EndsWith("ance") || EndsWith("ence"),
                'e' => EndsWith("er"),
                'i' => EndsWith("ic"),
                'l' => EndsWith("able") || EndsWith("ible"),
                'n' => EndsWith("ant") || EndsWith("ement") || EndsWith("ment") || EndsWith("ent"),
                'o' => (EndsWith("ion") && _j >= 0 && B[_j] is 's' or 't') || EndsWith("ou"),
                's' => EndsWith("ism"),
                't' => EndsWith("ate") || EndsWith("iti"),
                'u' => EndsWith("ous"),
                'v' => EndsWith("ive"),
                'z' => EndsWith("ize"),
                _ => false,
            };

            if (matched && Measure() > 1)
            {
                K = _j;
            }
        }

        /// <summary>Final -e and double l: probate → probat, controll → control.</summary>
        public void Step5()
        {
            _j = K;
            if (B[K] == 'e')
            {
                int measure = Measure();
                if (measure > 1 || (measure == 1 && !ConsonantVowelConsonant(K - 1)))
                {
                    K--;
                }
            }

            _j = K;
            if (B[K] == 'l' && DoubleConsonant(K) && Measure() > 1)
            {
                K--;
            }
        }

        /// <summary>When the word ends with <paramref name="suffix"/>, replaces it if m > 0 and reports the match
        /// (a matched suffix ends the step even when its condition fails, as in the reference).</summary>
        private bool TryReplace(string suffix, string replacement)
        {
            if (!EndsWith(suffix))
            {
                return false;
            }

            ReplaceIfMeasured(replacement);
            return true;
        }
    }
}
