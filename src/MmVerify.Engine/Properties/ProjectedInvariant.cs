namespace MmVerify.Engine.Properties;

/// <summary>An invariant of an inner state applied to an outer state that contains it.</summary>
public sealed class ProjectedInvariant<TOuter, TInner> : IInvariant<TOuter>
{
    private readonly IInvariant<TInner> _inner;
    private readonly Func<TOuter, TInner> _project;

    public ProjectedInvariant(IInvariant<TInner> inner, Func<TOuter, TInner> project)
    {
        _inner = inner;
        _project = project;
    }

    public PropertyInfo Info => _inner.Info;

    public string? Check(TOuter state) => _inner.Check(_project(state));
}
