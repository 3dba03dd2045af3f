namespace Observatory.Analysis.Security;

/// <summary>
/// Whether positions in a message sit inside quotation: straight or curly double quotes, single quotes used as quotes
/// (not apostrophes: "it's" does not open one), guillemets, or backticks (inline code and ``` fences). Positions are
/// asked in increasing order and the scan resumes where it stopped, so checking every match in a long message stays
/// linear (an earlier position restarts the scan).
/// </summary>
internal struct QuotationContext(string text)
{
    private readonly string _text = text;
    private int _scanned;
    private bool _straightDouble, _single, _backtick;
    private int _curlyDouble, _curlySingle, _guillemets;

    /// <summary>The outermost quoted spans of <paramref name="text"/> in order, as [start, end) with the quote marks
    /// included; a quotation left open runs to the end of the text (or of its line, for single quotes). Linear.</summary>
    public static List<(int Start, int End)> Spans(string text)
    {
        var spans = new List<(int Start, int End)>();
        var context = new QuotationContext(text);
        int openedAt = -1;
        for (int i = 0; i < text.Length; i++)
        {
            context.Step(i);
            bool inside = context.Inside;
            if (inside && openedAt < 0)
            {
                openedAt = i;
            }
            else if (!inside && openedAt >= 0)
            {
                spans.Add((openedAt, i + 1));
                openedAt = -1;
            }
        }

        if (openedAt >= 0)
        {
            spans.Add((openedAt, text.Length));
        }

        return spans;
    }

    private readonly bool Inside =>
        _straightDouble || _single || _backtick || _curlyDouble > 0 || _curlySingle > 0 || _guillemets > 0;

    public bool IsInsideQuotes(int position)
    {
        int end = Math.Min(position, _text.Length);
        if (end < _scanned)
        {
            this = new QuotationContext(_text);
        }

        for (int i = _scanned; i < end; i++)
        {
            Step(i);
        }

        _scanned = Math.Max(_scanned, end);
        return Inside;
    }

    private void Step(int i)
    {
        char c = _text[i];
        bool letterBefore = i > 0 && char.IsLetterOrDigit(_text[i - 1]);
        bool letterAfter = i + 1 < _text.Length && char.IsLetterOrDigit(_text[i + 1]);
        switch (c)
        {
            case '\n':
                _single = false;
                _curlySingle = 0;
                break;
            case '"':
                _straightDouble = !_straightDouble;
                break;
            case '`':
                _backtick = !_backtick;
                break;
            case '“' or '„':
                _curlyDouble++;
                break;
            case '”':
                _curlyDouble = Math.Max(0, _curlyDouble - 1);
                break;
            case '«':
                _guillemets++;
                break;
            case '»':
                _guillemets = Math.Max(0, _guillemets - 1);
                break;
            case '‘':
                _curlySingle++;
                break;
            case '’' when !(letterBefore && letterAfter):
                _curlySingle = Math.Max(0, _curlySingle - 1);
                break;
            case '\'' when !letterBefore && letterAfter:
                _single = true;
                break;
            case '\'' when letterBefore && !letterAfter || !letterBefore && !letterAfter:
                _single = false;
                break;
        }
    }
}
