using System.Diagnostics;
using MmVerify.Engine.Properties;

namespace MmVerify.Engine.Explore;

/// <summary>
/// Exhaustive breadth-first search by levels. Each level's frontier is split into contiguous id ranges, one per
/// worker; successors are bucketed by shard and inserted shard by shard, each shard reading the workers'
/// buckets in worker order (so in parent-id order whatever the thread count); the level's new states are then
/// sorted by packed value and numbered. Ids, parents, counts, verdicts and counterexamples therefore do not
/// depend on the number of threads. Invariant violations are the first found by level: shortest. Liveness
/// is judged afterwards on the stored graph (see <see cref="FairCycleSearch"/>).
/// </summary>
public static class Explorer
{
    /// <summary>Ids are ints and the arrays double: the store never grows past 2^30 states, whatever the budget.</summary>
    public const long MaxIds = 1L << 30;

    public static ExploreOutcome Run(IExplorable model, IReadOnlyList<ExploreProperty> properties, ExploreOptions options)
    {
        if (properties.Count(p => p is not FairLiveness) > 64)
        {
            throw new ArgumentException("at most 64 invariants per search", nameof(properties));
        }

        var threads = Math.Max(1, options.Threads);
        var safety = properties.Where(p => p is not FairLiveness).ToArray();
        var found = new ExploreTrace?[safety.Length];
        var clock = Stopwatch.StartNew();
        var store = new StateStore();
        var init = model.Initial;
        var h0 = ShardTable.Hash(init);
        store.Append(init, -1, 0, StateStore.ShardOf(h0), store.Shards[StateStore.ShardOf(h0)].TryAdd(init, h0));
        for (var p = 0; p < safety.Length; p++)
        {
            if (safety[p] is StateInvariant si && !si.Holds(init))
            {
                found[p] = new ExploreTrace([init], [], -1);
            }
        }

        var workers = Enumerable.Range(0, threads).Select(_ => new LevelWorker(model, safety)).ToArray();
        long transitions = 0;
        var depth = 0;
        var complete = true;
        int levelStart = 0, levelEnd = 1;
        while (levelStart < levelEnd)
        {
            if (store.Count > Math.Min(options.MaxStates, MaxIds))
            {
                complete = false;
                break;
            }

            var open = found.Select(f => f is null).ToArray();
            var chunk = (levelEnd - levelStart + threads - 1) / threads;
            var (ls, le) = (levelStart, levelEnd);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                workers[t].Expand(store, ls + (t * chunk), Math.Min(le, ls + ((t + 1) * chunk)), open));
            var fresh = new List<Fresh>[StateStore.ShardCount];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var s = t; s < StateStore.ShardCount; s += threads)
                {
                    fresh[s] = Insert(store.Shards[s], workers, s);
                }
            });
            var level = new Fresh[fresh.Sum(f => f.Count)];
            var at = 0;
            foreach (var f in fresh)
            {
                f.CopyTo(level, at);
                at += f.Count;
            }

            var keys = Array.ConvertAll(level, f => f.Target);
            Array.Sort(keys, level);
            foreach (var f in level)
            {
                store.Append(f.Target, f.Parent, f.Action, f.Shard, f.Slot);
            }

            transitions += workers.Sum(w => w.Generated);
            Resolve(store, workers, found);
            levelStart = levelEnd;
            levelEnd = store.Count;
            depth++;
        }

        var elapsed = clock.Elapsed;
        var results = new List<ExploreResult>();
        var si2 = 0;
        foreach (var p in properties)
        {
            if (p is FairLiveness live)
            {
                var lasso = FairCycleSearch.Find(model, store, live);
                results.Add(new ExploreResult(p.Id, lasso is not null ? Verdict.Violated : complete ? Verdict.Holds : Verdict.Unknown, lasso));
            }
            else
            {
                var t = found[si2++];
                results.Add(new ExploreResult(p.Id, t is not null ? Verdict.Violated : complete ? Verdict.Holds : Verdict.Unknown, t));
            }
        }

        return new ExploreOutcome(complete, store.Count, transitions, depth, elapsed, store.Bytes, results);
    }

    internal static ExploreTrace Trace(StateStore store, int id, int? action = null, ulong? target = null)
    {
        var (states, actions) = store.PathTo(id);
        if (action is { } a && target is { } t)
        {
            actions.Add(a);
            states.Add(t);
        }

        return new ExploreTrace(states, actions, -1);
    }

    private static List<Fresh> Insert(ShardTable shard, LevelWorker[] workers, int s)
    {
        var fresh = new List<Fresh>();
        foreach (var w in workers)
        {
            var bucket = w.Buckets[s];
            for (var i = 0; i < bucket.Count; i++)
            {
                ref readonly var c = ref bucket.Items[i];
                var slot = shard.TryAdd(c.Target, ShardTable.Hash(c.Target));
                if (slot >= 0)
                {
                    fresh.Add(new Fresh(c.Target, c.Parent, c.Action, s, slot));
                }
            }
        }

        return fresh;
    }

    private static void Resolve(StateStore store, LevelWorker[] workers, ExploreTrace?[] found)
    {
        for (var p = 0; p < found.Length; p++)
        {
            if (found[p] is not null)
            {
                continue;
            }

            // the first in parent order (step) or the smallest new id (state): deterministic and shortest
            var events = workers.SelectMany(w => w.Events).Where(e => e.Property == p).ToArray();
            if (events.Length == 0)
            {
                continue;
            }

            var best = events.MinBy(e => e.IsStep ? ((long)e.Parent << 8) | (uint)e.Seq : store.Find(e.Target));
            found[p] = best.IsStep ? Trace(store, best.Parent, best.Action, best.Target) : Trace(store, store.Find(best.Target));
        }
    }

    private readonly record struct Fresh(ulong Target, int Parent, int Action, int Shard, int Slot);
}
