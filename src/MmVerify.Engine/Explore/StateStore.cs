namespace MmVerify.Engine.Explore;

/// <summary>
/// Every stored state exactly (no fingerprints, so no collisions): the packed state, its BFS parent and the
/// action from the parent, by id; ids follow BFS levels, sorted by packed value within a level. The hash set is
/// split into a fixed number of shards (independent of the thread count) so insertion runs in parallel.
/// </summary>
internal sealed class StateStore
{
    public const int ShardBits = 6;

    public const int ShardCount = 1 << ShardBits;

    private ulong[] _states = new ulong[1024];
    private int[] _parents = new int[1024];
    private byte[] _actions = new byte[1024];

    public ShardTable[] Shards { get; } = Enumerable.Range(0, ShardCount).Select(_ => new ShardTable()).ToArray();

    public int Count { get; private set; }

    public long Bytes => (long)_states.Length * (sizeof(ulong) + sizeof(int) + sizeof(byte)) + Shards.Sum(s => s.Bytes);

    public static int ShardOf(ulong hash) => (int)(hash >> (64 - ShardBits));

    public ulong State(int id) => _states[id];

    public int Parent(int id) => _parents[id];

    public int Action(int id) => _actions[id];

    public int Find(ulong state)
    {
        var h = ShardTable.Hash(state);
        return Shards[ShardOf(h)].Find(state, h);
    }

    /// <summary>Appends a state already added to <paramref name="shard"/> (at <paramref name="slot"/>) and returns its id.</summary>
    public int Append(ulong state, int parent, int action, int shard, int slot)
    {
        if (Count == _states.Length)
        {
            var n = checked(_states.Length * 2);
            Array.Resize(ref _states, n);
            Array.Resize(ref _parents, n);
            Array.Resize(ref _actions, n);
        }

        var id = Count++;
        _states[id] = state;
        _parents[id] = parent;
        _actions[id] = checked((byte)action);
        Shards[shard].SetId(slot, id);
        return id;
    }

    /// <summary>The BFS path from the initial state to <paramref name="id"/>: states and the actions between them.</summary>
    public (List<ulong> States, List<int> Actions) PathTo(int id)
    {
        var states = new List<ulong>();
        var actions = new List<int>();
        for (var i = id; i >= 0; i = _parents[i])
        {
            states.Add(_states[i]);
            if (_parents[i] >= 0)
            {
                actions.Add(_actions[i]);
            }
        }

        states.Reverse();
        actions.Reverse();
        return (states, actions);
    }
}
