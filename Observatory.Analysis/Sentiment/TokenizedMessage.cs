namespace Observatory.Analysis.Sentiment;

/// <summary>
/// The tokens of one message and the message-level cues the scorer needs. Reused from message to message by one
/// analysis (its buffers only grow), so tokenizing allocates nothing per token.
/// </summary>
internal sealed class TokenizedMessage
{
    private char[] _text = new char[256];
    private SentimentToken[] _tokens = new SentimentToken[64];

    public ReadOnlySpan<char> Text => _text.AsSpan(0, TextLength);

    public int TextLength { get; private set; }

    public int Count { get; private set; }

    /// <summary>"!" (ASCII or full-width) anywhere in the message.</summary>
    public int Exclamations { get; set; }

    /// <summary>Words written in capitals (see <see cref="SentimentToken.IsCaps"/>).</summary>
    public int CapsWords { get; set; }

    /// <summary>Words with at least one lower-case letter.</summary>
    public int LowerWords { get; set; }

    /// <summary>An explicit sarcasm marker: "/s" or "#sarcasm" as a separate chunk.</summary>
    public bool SarcasmMarker { get; set; }

    public ref SentimentToken this[int index] => ref _tokens[index];

    public ReadOnlySpan<char> WordText(int index) => _text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    public void Reset(int messageLength)
    {
        // Words need at most the message's characters plus one separator each.
        if (_text.Length < (messageLength * 2) + 1)
        {
            _text = new char[(messageLength * 2) + 1];
        }

        TextLength = 0;
        Count = 0;
        Exclamations = 0;
        CapsWords = 0;
        LowerWords = 0;
        SarcasmMarker = false;
    }

    /// <summary>Starts a word: writes the separating space and returns where the word's characters go.</summary>
    public Span<char> BeginWord(int maxLength, out int start)
    {
        if (TextLength > 0)
        {
            _text[TextLength++] = ' ';
        }

        start = TextLength;
        return _text.AsSpan(start, maxLength);
    }

    public void Add(SentimentToken token)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count++] = token;
        if (token.Kind == SentimentTokenKind.Word)
        {
            TextLength = token.End;
        }
    }
}
