namespace MmVerify.Engine.Explore;

/// <summary>
/// Lasso search for <see cref="FairLiveness"/> on the stored graph: Tarjan's strongly connected components of
/// the subgraph of non-Goal states. A component is a fair cycle when it has an internal edge and either an
/// internal edge with a fair action or a member where no fair action is enabled (weak fairness). The lasso is
/// the BFS path to the component's smallest id, then a cycle through the fair edge (or the disabled state).
/// Edges to states that were not stored (an incomplete search) are ignored, so a lasso found is always real.
/// </summary>
public static class FairCycleSearch
{
    internal static ExploreTrace? Find(IExplorable model, StateStore store, FairLiveness p)
    {
        var n = store.Count;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var frames = new Stack<(int V, List<(int Id, int Action)> Succ, int Next)>();
        var steps = new Step[model.MaxSuccessors];
        var next = 0;
        List<int>? best = null;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0 || p.Goal(store.State(root)))
            {
                continue;
            }

            Push(root);
            while (frames.Count > 0)
            {
                var (v, succ, i) = frames.Pop();
                if (i < succ.Count)
                {
                    frames.Push((v, succ, i + 1));
                    var w = succ[i].Id;
                    if (index[w] < 0)
                    {
                        Push(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (frames.Count > 0)
                {
                    var parent = frames.Peek().V;
                    low[parent] = Math.Min(low[parent], low[v]);
                }

                if (low[v] == index[v])
                {
                    var members = new List<int>();
                    int x;
                    do
                    {
                        x = stack.Pop();
                        onStack[x] = false;
                        members.Add(x);
                    }
                    while (x != v);
                    if ((best is null || members.Min() < best.Min()) && IsFair(members))
                    {
                        best = members;
                    }
                }
            }
        }

        return best is null ? null : Lasso(best);

        void Push(int v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack[v] = true;
            frames.Push((v, Internal(v), 0));
        }

        List<(int Id, int Action)> Internal(int v)
        {
            var list = new List<(int, int)>();
            var k = model.Successors(store.State(v), steps);
            for (var j = 0; j < k; j++)
            {
                if (!p.Goal(steps[j].Target) && store.Find(steps[j].Target) is var id and >= 0)
                {
                    list.Add((id, steps[j].Action));
                }
            }

            return list;
        }

        bool FairEnabled(int v)
        {
            var k = model.Successors(store.State(v), steps);
            for (var j = 0; j < k; j++)
            {
                if (p.Fair(steps[j].Action))
                {
                    return true;
                }
            }

            return false;
        }

        bool IsFair(List<int> members)
        {
            var set = members.ToHashSet();
            var cyclic = members.Count > 1 || Internal(members[0]).Any(e => e.Id == members[0]);
            return cyclic && members.Any(v => !FairEnabled(v) || Internal(v).Any(e => set.Contains(e.Id) && p.Fair(e.Action)));
        }

        ExploreTrace Lasso(List<int> members)
        {
            var set = members.ToHashSet();
            var entry = members.Min();
            var (states, actions) = store.PathTo(entry);
            var loopStart = states.Count - 1;
            var sorted = members.Order().ToArray();
            var fairEdge = sorted.SelectMany(v => Internal(v).Where(e => set.Contains(e.Id) && p.Fair(e.Action)).Select(e => ((int From, int Id, int Action)?)(v, e.Id, e.Action))).FirstOrDefault();
            int pivot;
            if (fairEdge is { } fe)
            {
                Walk(entry, fe.From);
                actions.Add(fe.Action);
                states.Add(store.State(fe.Id));
                pivot = fe.Id;
            }
            else
            {
                var d = sorted.First(v => !FairEnabled(v));
                Walk(entry, d);
                var first = Internal(d).First(e => set.Contains(e.Id));
                actions.Add(first.Action);
                states.Add(store.State(first.Id));
                pivot = first.Id;
            }

            Walk(pivot, entry);
            return new ExploreTrace(states, actions, loopStart);

            void Walk(int from, int to)
            {
                // BFS inside the component; appends the path's actions and states (nothing when from == to)
                var back = new Dictionary<int, (int Prev, int Action)> { [from] = (-1, -1) };
                var queue = new Queue<int>();
                queue.Enqueue(from);
                while (!back.ContainsKey(to))
                {
                    var v = queue.Dequeue();
                    foreach (var (w, a) in Internal(v))
                    {
                        if (set.Contains(w) && back.TryAdd(w, (v, a)))
                        {
                            queue.Enqueue(w);
                        }
                    }
                }

                var path = new List<(int, int)>();
                for (var v = to; v != from; v = back[v].Prev)
                {
                    path.Add((v, back[v].Action));
                }

                path.Reverse();
                foreach (var (v, a) in path)
                {
                    actions.Add(a);
                    states.Add(store.State(v));
                }
            }
        }
    }
}
