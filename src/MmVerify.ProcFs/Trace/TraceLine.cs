namespace MmVerify.ProcFs.Trace;

/// <summary>
/// One event line of trace-cmd or ftrace text. TimeNs has the precision printed (microseconds for
/// trace-cmd's default). Fields holds the key=value pairs of the event text; a
/// bare word such as "(in-irq)" is a key with an empty value, and a repeated key gets "#2", "#3"….
/// </summary>
public sealed record TraceLine(
    string Comm,
    int Pid,
    int Cpu,
    long TimeNs,
    string Event,
    IReadOnlyDictionary<string, string> Fields,
    int LineNumber);
