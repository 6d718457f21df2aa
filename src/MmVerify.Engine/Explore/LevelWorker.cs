namespace MmVerify.Engine.Explore;

/// <summary>A successor generated from a frontier state: the target, its parent's id and the action.</summary>
internal readonly record struct Candidate(ulong Target, int Parent, int Action);

/// <summary>A property found false on a generated successor (state invariants on the target, step invariants on the step).</summary>
internal readonly record struct Flag(int Property, bool IsStep, int Parent, int Seq, int Action, ulong Target);

/// <summary>A growable array reused across levels.</summary>
internal sealed class Bucket
{
    public Candidate[] Items = new Candidate[256];

    public int Count;

    public void Add(in Candidate c)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Items.Length * 2);
        }

        Items[Count++] = c;
    }
}

/// <summary>One worker thread's share of a level: expands a contiguous id range in order, buckets by shard, checks invariants.</summary>
internal sealed class LevelWorker(IExplorable model, ExploreProperty[] safety)
{
    private readonly Step[] _steps = new Step[model.MaxSuccessors];

    public Bucket[] Buckets { get; } = Enumerable.Range(0, StateStore.ShardCount).Select(_ => new Bucket()).ToArray();

    public List<Flag> Events { get; } = [];

    public long Generated { get; private set; }

    public void Expand(StateStore store, int from, int to, bool[] open)
    {
        foreach (var b in Buckets)
        {
            b.Count = 0;
        }

        Events.Clear();
        Generated = 0;
        for (var id = from; id < to; id++)
        {
            var state = store.State(id);
            var n = model.Successors(state, _steps);
            Generated += n;
            for (var k = 0; k < n; k++)
            {
                var step = _steps[k];
                Buckets[StateStore.ShardOf(ShardTable.Hash(step.Target))].Add(new Candidate(step.Target, id, step.Action));
                for (var p = 0; p < safety.Length; p++)
                {
                    if (!open[p])
                    {
                        continue;
                    }

                    var bad = safety[p] switch
                    {
                        StateInvariant si => !si.Holds(step.Target),
                        StepInvariant st => !st.Holds(state, step),
                        _ => false,
                    };
                    if (bad)
                    {
                        Events.Add(new Flag(p, safety[p] is StepInvariant, id, k, step.Action, step.Target));
                    }
                }
            }
        }
    }
}
