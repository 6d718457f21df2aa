namespace MmVerify.Specs.Conformance;

/// <summary>
/// One line of a real (or model-rendered) trace as the conformance checker sees it: the event's name and
/// its key=value fields, with the line it came from. A lost-events marker ("CPU:0 [LOST 12 EVENTS]")
/// is a TracePoint with IsLostMarker set and no event.
/// </summary>
public sealed record TracePoint(
    int Line,
    string Text,
    string Comm,
    int Pid,
    long TimeNs,
    string Event,
    IReadOnlyDictionary<string, string> Fields)
{
    public bool IsLostMarker { get; init; }

    public static TracePoint LostMarker(int line, string text) =>
        new(line, text, "", 0, 0, "", new Dictionary<string, string>()) { IsLostMarker = true };
}
