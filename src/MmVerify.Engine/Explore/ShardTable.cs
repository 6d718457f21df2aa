namespace MmVerify.Engine.Explore;

/// <summary>
/// One shard of the exact state set: open addressing with linear probing over packed states, each slot holding
/// the state and its id. Owned by one thread at a time; grows at three quarters full.
/// </summary>
internal sealed class ShardTable
{
    private const ulong Empty = ulong.MaxValue;

    private ulong[] _keys;
    private int[] _ids;
    private int _count;

    public ShardTable(int capacity = 64)
    {
        _keys = new ulong[capacity];
        _ids = new int[capacity];
        Array.Fill(_keys, Empty);
    }

    public long Bytes => (long)_keys.Length * (sizeof(ulong) + sizeof(int));

    public static ulong Hash(ulong state)
    {
        // a 64-bit finalizer (splitmix64's): every input bit reaches the shard and slot bits
        state ^= state >> 30;
        state *= 0xbf58476d1ce4e5b9UL;
        state ^= state >> 27;
        state *= 0x94d049bb133111ebUL;
        return state ^ (state >> 31);
    }

    /// <summary>Adds the state if absent; returns its slot when added, -1 when it was there.</summary>
    public int TryAdd(ulong state, ulong hash)
    {
        if ((_count + 1) * 4L > _keys.Length * 3L)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        var i = (int)(hash & (ulong)mask);
        while (true)
        {
            var k = _keys[i];
            if (k == state)
            {
                return -1;
            }

            if (k == Empty)
            {
                _keys[i] = state;
                _ids[i] = -1;
                _count++;
                return i;
            }

            i = (i + 1) & mask;
        }
    }

    public void SetId(int slot, int id) => _ids[slot] = id;

    public int Find(ulong state, ulong hash)
    {
        var mask = _keys.Length - 1;
        var i = (int)(hash & (ulong)mask);
        while (true)
        {
            var k = _keys[i];
            if (k == state)
            {
                return _ids[i];
            }

            if (k == Empty)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldIds = _ids;
        _keys = new ulong[oldKeys.Length * 2];
        _ids = new int[oldKeys.Length * 2];
        Array.Fill(_keys, Empty);
        var mask = _keys.Length - 1;
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] == Empty)
            {
                continue;
            }

            var i = (int)(Hash(oldKeys[j]) & (ulong)mask);
            while (_keys[i] != Empty)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = oldKeys[j];
            _ids[i] = oldIds[j];
        }
    }
}
