namespace MmVerify.ProcFs;

/// <summary>Malformed kernel text: carries the source name and the 1-based line number.</summary>
public sealed class ProcFormatException : Exception
{
    public ProcFormatException(string source, int line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    public new string Source { get; }

    public int Line { get; }

    public string Reason { get; }
}
