using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Gate;

/// <summary>A property judged over a whole run: temporal properties over the trace and samples, or an invariant's record.</summary>
public interface IRunProperty
{
    PropertyInfo Info { get; }

    PropertyResult Judge(RunRecord run, PropertyParameters parameters);
}

/// <summary>An invariant checked during the run; its verdict is whether it ever failed.</summary>
public sealed class InvariantRunProperty(PropertyInfo info) : IRunProperty
{
    public PropertyInfo Info { get; } = info;

    public PropertyResult Judge(RunRecord run, PropertyParameters parameters) =>
        run.InvariantViolations.TryGetValue(Info.Id, out var v)
            ? PropertyResult.Violated(v.At, v.Reason)
            : PropertyResult.Holds($"held at every check of {run.Steps} steps");
}
