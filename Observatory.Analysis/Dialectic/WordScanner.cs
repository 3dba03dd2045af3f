namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Walks the words of a text (letters, digits and inner apostrophes), lower-cased into a caller's buffer, noting
/// where sentences start and which words are capitalised or followed by a comma. Allocation-free; used to read the
/// first words of questions and replies for answer linking.
/// </summary>
internal ref struct WordScanner(ReadOnlySpan<char> text, Span<char> buffer)
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly Span<char> _buffer = buffer;
    private int _position;
    private bool _sentenceStart = true;

    /// <summary>The current word, lower-cased, curly apostrophes straightened (cut to the buffer's length).</summary>
    public ReadOnlySpan<char> Word { get; private set; }

    /// <summary>The current word as written.</summary>
    public ReadOnlySpan<char> Original { get; private set; }

    /// <summary>The current word opens a sentence.</summary>
    public bool AtSentenceStart { get; private set; }

    /// <summary>The current word is directly followed by a comma, colon or dash (the end of a short opening).</summary>
    public bool BeforeClauseBreak { get; private set; }

    /// <summary>The current word ends a sentence (".", "!", "?", a line break or the end of the text follow).</summary>
    public bool AtSentenceEnd { get; private set; }

    /// <summary>Where the scan stopped in the text (for bounding work on long texts).</summary>
    public readonly int Position => _position;

    public bool Next()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (char.IsLetterOrDigit(c))
            {
                ReadWord();
                return true;
            }

            if (c is '.' or '!' or '?' or '？' or '؟' or '。' or '！' or '…' or '\n')
            {
                _sentenceStart = true;
            }

            _position++;
        }

        return false;
    }

    private void ReadWord()
    {
        int start = _position;
        int written = 0;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (char.IsLetterOrDigit(c))
            {
                if (written < _buffer.Length)
                {
                    _buffer[written++] = char.ToLowerInvariant(c);
                }
            }
            else if (c is '\'' or '’' or 'ʼ' && _position + 1 < _text.Length && char.IsLetter(_text[_position + 1]))
            {
                if (written < _buffer.Length)
                {
                    _buffer[written++] = '\'';
                }
            }
            else
            {
                break;
            }

            _position++;
        }

        Word = _buffer[..written];
        Original = _text[start.._position];
        AtSentenceStart = _sentenceStart;
        _sentenceStart = false;

        int next = _position;
        while (next < _text.Length && _text[next] is ' ' or '\t' or '"' or '\'' or '”' or '’' or ')')
        {
            next++;
        }

        char following = next < _text.Length ? _text[next] : '.';
        BeforeClauseBreak = following is ',' or ':' or ';' or '—' or '–';
        AtSentenceEnd = following is '.' or '!' or '?' or '？' or '؟' or '。' or '！' or '…' or '\n' or '\r';
    }
}
