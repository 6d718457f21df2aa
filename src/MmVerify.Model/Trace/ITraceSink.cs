namespace MmVerify.Model.Trace;

/// <summary>Where tracepoint events go. Emitting sites test Enabled first, so a disabled sink costs nothing.</summary>
public interface ITraceSink
{
    bool Enabled { get; }

    void Emit(TraceEvent e);
}

public sealed class NullTraceSink : ITraceSink
{
    public static NullTraceSink Instance { get; } = new();

    public bool Enabled => false;

    public void Emit(TraceEvent e)
    {
    }
}

/// <summary>Keeps every event in order.</summary>
public sealed class TraceBuffer : ITraceSink
{
    private readonly List<TraceEvent> _events = [];

    public bool Enabled => true;

    public IReadOnlyList<TraceEvent> Events => _events;

    public void Emit(TraceEvent e) => _events.Add(e);
}
