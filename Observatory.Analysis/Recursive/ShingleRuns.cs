using System.Buffers;
using System.Numerics;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Per distinct shingle, its current run of nearby occurrences (see <see cref="PhraseLoops"/>). An open-addressing
/// table over pooled arrays: a 10,000-message conversation has a few hundred thousand distinct shingles, almost all
/// seen once, so a slot holds only the key, the last message, the run length and the first position (20 bytes), and
/// the arrays are reused between analyses. What is needed to quote a phrase (<see cref="ShingleRun"/>) is allocated
/// only when a shingle comes back.
/// </summary>
internal sealed class ShingleRuns : IDisposable
{
    private const long Occupied = long.MinValue;

    private readonly long[] _keys;
    private readonly int[] _last;
    private readonly int[] _count;

    /// <summary>The first position while a run has one occurrence; afterwards the index into <see cref="_runs"/>.</summary>
    private readonly int[] _reference;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly List<ShingleRun> _runs = [];

    /// <param name="maxDistinct">Upper bound on distinct shingles (the table is sized to stay at most 3/4 full).</param>
    public ShingleRuns(int maxDistinct)
    {
        _capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, maxDistinct + (maxDistinct / 3) + 1));
        _mask = _capacity - 1;
        _keys = ArrayPool<long>.Shared.Rent(_capacity);
        _last = ArrayPool<int>.Shared.Rent(_capacity);
        _count = ArrayPool<int>.Shared.Rent(_capacity);
        _reference = ArrayPool<int>.Shared.Rent(_capacity);
        Array.Clear(_keys, 0, _capacity);
    }

    /// <summary>Distinct shingles seen.</summary>
    public int Distinct { get; private set; }

    /// <summary>
    /// Records the shingle at token <paramref name="position"/> of <paramref name="message"/>. Returns false when the
    /// shingle was already seen in this message (it counts once per message). A run interrupted by more than
    /// <paramref name="maxGap"/> messages is added to <paramref name="ended"/> (when it repeated at all) and a new run
    /// starts.
    /// </summary>
    public bool Add(long shingle, int message, int position, int maxGap, List<ShingleRun> ended)
    {
        long key = shingle | Occupied;
        int slot = (int)(Mix(shingle) & (ulong)_mask);
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & _mask;
        }

        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            Start(slot, message, position);
            Distinct++;
            return true;
        }

        int last = _last[slot];
        if (last == message)
        {
            return false;
        }

        if (message - last > maxGap)
        {
            if (_count[slot] >= 2)
            {
                ended.Add(_runs[_reference[slot]]);
            }

            Start(slot, message, position);
            return true;
        }

        if (++_count[slot] == 2)
        {
            var run = new ShingleRun(last, _reference[slot], message, position);
            _reference[slot] = _runs.Count;
            _runs.Add(run);
        }
        else
        {
            _runs[_reference[slot]].Add(message, position);
        }

        _last[slot] = message;
        return true;
    }

    /// <summary>Runs still open at the end of the conversation that repeated at least once, in table order.</summary>
    public void AddOpenRuns(List<ShingleRun> ended)
    {
        for (int slot = 0; slot < _capacity; slot++)
        {
            if (_keys[slot] != 0 && _count[slot] >= 2)
            {
                ended.Add(_runs[_reference[slot]]);
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_last);
        ArrayPool<int>.Shared.Return(_count);
        ArrayPool<int>.Shared.Return(_reference);
    }

    private void Start(int slot, int message, int position)
    {
        _last[slot] = message;
        _count[slot] = 1;
        _reference[slot] = position;
    }

    /// <summary>A fixed 64-bit mix (the splitmix64 finalizer) so neighbouring keys spread over the table.</summary>
    private static ulong Mix(long value)
    {
        ulong x = (ulong)value;
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}

/// <summary>A shingle that recurred: every message of the run and where the shingle starts in each (to quote it).</summary>
internal sealed class ShingleRun
{
    public ShingleRun(int firstMessage, int firstPosition, int secondMessage, int secondPosition)
    {
        Members = [firstMessage, secondMessage];
        Positions = [firstPosition, secondPosition];
    }

    /// <summary>Messages of the run, ascending.</summary>
    public List<int> Members { get; }

    /// <summary>Token position of the shingle in each member.</summary>
    public List<int> Positions { get; }

    public void Add(int message, int position)
    {
        Members.Add(message);
        Positions.Add(position);
    }
}
