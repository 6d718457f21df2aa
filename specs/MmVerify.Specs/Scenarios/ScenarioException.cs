namespace MmVerify.Specs.Scenarios;

/// <summary>
/// A scenario file the loader refuses: the file, where in it (a JSON path such as
/// <c>$.phases[1].activities[0].op</c>) and why. The message is the one line the CLI prints.
/// </summary>
public sealed class ScenarioException(string file, string jsonPath, string reason)
    : Exception($"{file}: {jsonPath}: {reason}")
{
    public string File { get; } = file;

    public string JsonPath { get; } = jsonPath;

    public string Reason { get; } = reason;
}
