namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// Reads the lexicon's line notation: <c>head word word…</c> where <c>stem{a,b,}</c> expands to stem+a, stem+b and
/// the bare stem, and <c>_</c> joins the words of a phrase (stored with single spaces, as the tokenizer joins them).
/// Blank lines and lines starting with <c>#</c> are skipped. <c>Token</c> numbers the written tokens of the text
/// (from 1), so the forms one token expands to can be told apart from the forms of the next.
/// </summary>
internal static class LexiconTextParser
{
    public static IEnumerable<(string Head, string Form, int Token)> Entries(string text)
    {
        int token = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 1; i < parts.Length; i++)
            {
                token++;
                foreach (string form in Expand(parts[i]))
                {
                    yield return (parts[0], form.Replace('_', ' '), token);
                }
            }
        }
    }

    private static IEnumerable<string> Expand(string token)
    {
        int open = token.IndexOf('{');
        if (open < 0)
        {
            yield return token;
            yield break;
        }

        int close = token.IndexOf('}', open);
        if (close < 0)
        {
            throw new FormatException($"Unclosed '{{' in lexicon token '{token}'.");
        }

        string stem = token[..open];
        string rest = token[(close + 1)..];
        foreach (string suffix in token[(open + 1)..close].Split(','))
        {
            yield return stem + suffix + rest;
        }
    }
}
