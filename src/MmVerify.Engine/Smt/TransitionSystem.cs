namespace MmVerify.Engine.Smt;

/// <summary>A variable of a transition system: a bit-vector of some width, or Bool (width 0).</summary>
public sealed record SystemVar(string Name, int Width);

/// <summary>The state and input variables of one step of an unrolled system, by name.</summary>
public sealed class Frame(IReadOnlyDictionary<string, Term> vars)
{
    public Term this[string name] => vars.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"no variable {name} in this frame");
}

/// <summary>
/// A symbolic transition system: state variables, input variables read by each transition, an initial
/// condition and a transition relation. Unrolled by <see cref="Unrolling"/> for bounded model checking,
/// k-induction and lasso search.
/// </summary>
public sealed class TransitionSystem
{
    public TransitionSystem(string name, IReadOnlyList<SystemVar> state, IReadOnlyList<SystemVar> inputs, Func<Frame, Term> init, Func<Frame, Frame, Frame, Term> transition)
    {
        Name = name;
        State = state;
        Inputs = inputs;
        Init = init;
        Transition = transition;
    }

    public string Name { get; }

    public IReadOnlyList<SystemVar> State { get; }

    public IReadOnlyList<SystemVar> Inputs { get; }

    /// <summary>init(s0).</summary>
    public Func<Frame, Term> Init { get; }

    /// <summary>trans(s, input, s').</summary>
    public Func<Frame, Frame, Frame, Term> Transition { get; }

    /// <summary>The state at step i: variables named name@i.</summary>
    public Frame StateAt(int i) => Make(State, i);

    /// <summary>The input of the transition from step i to step i+1.</summary>
    public Frame InputAt(int i) => Make(Inputs, i);

    /// <summary>The state as free variables with a suffix (for single-step queries).</summary>
    public Frame StateNamed(string suffix) => new(State.ToDictionary(v => v.Name, v => Var(v, v.Name + suffix), StringComparer.Ordinal));

    private static Frame Make(IReadOnlyList<SystemVar> vars, int i) =>
        new(vars.ToDictionary(v => v.Name, v => Var(v, $"{v.Name}@{i}"), StringComparer.Ordinal));

    private static Term Var(SystemVar v, string name) => v.Width == 0 ? T.BoolVar(name) : T.BvVar(name, v.Width);
}
