namespace Observatory.Analysis.Sentiment;

/// <summary>
/// What each message's score was summed from, kept so a conversation-level pass can re-weight words without
/// tokenizing again (<see cref="TopicDamping"/>): per message the sum before normalization, its "!" count and
/// sarcasm marker, and the word units that carried a valence — each with its lexicon family and its value after
/// negation, boosters, contrast and sarcasm. Emoji are not logged (they are never a topic). Buffers only grow.
/// </summary>
internal sealed class SentimentUnitLog
{
    private int[] _families = new int[256];
    private float[] _values = new float[256];
    private int[] _messageEnds;
    private double[] _sums;
    private int[] _exclamations;
    private bool[] _markers;

    public SentimentUnitLog(int messageCount)
    {
        _messageEnds = new int[messageCount];
        _sums = new double[messageCount];
        _exclamations = new int[messageCount];
        _markers = new bool[messageCount];
    }

    /// <summary>Units logged so far, over all messages.</summary>
    public int Count { get; private set; }

    /// <summary>Messages closed so far.</summary>
    public int Messages { get; private set; }

    public void Add(int family, float value)
    {
        if (Count == _families.Length)
        {
            Array.Resize(ref _families, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }

        _families[Count] = family;
        _values[Count] = value;
        Count++;
    }

    /// <summary>A sarcastic set phrase turns every positive unit of the message into −0.75× itself.</summary>
    public void FlipPositives(int from, float scalar)
    {
        for (int k = from; k < Count; k++)
        {
            if (_values[k] > 0)
            {
                _values[k] *= scalar;
            }
        }
    }

    /// <summary>Closes the current message with what the scorer adds after summing the units.</summary>
    public void EndMessage(double sum, int exclamations, bool sarcasmMarker)
    {
        if (Messages == _messageEnds.Length)
        {
            int size = Math.Max(4, Messages * 2);
            Array.Resize(ref _messageEnds, size);
            Array.Resize(ref _sums, size);
            Array.Resize(ref _exclamations, size);
            Array.Resize(ref _markers, size);
        }

        _messageEnds[Messages] = Count;
        _sums[Messages] = sum;
        _exclamations[Messages] = exclamations;
        _markers[Messages] = sarcasmMarker;
        Messages++;
    }

    public int Start(int message) => message == 0 ? 0 : _messageEnds[message - 1];

    public int End(int message) => _messageEnds[message];

    public int Family(int unit) => _families[unit];

    public float Value(int unit) => _values[unit];

    public double Sum(int message) => _sums[message];

    public int Exclamations(int message) => _exclamations[message];

    public bool SarcasmMarker(int message) => _markers[message];
}
