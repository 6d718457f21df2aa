using System.Text.RegularExpressions;

namespace MmVerify.Specs.Scenarios;

/// <summary>The spelling rules for the names in a scenario file.</summary>
public static partial class ScenarioIds
{
    /// <summary>A scenario id: kebab-case, e.g. net-order3-frag-storm.</summary>
    public static bool IsScenarioId(string text) => Kebab().IsMatch(text);

    /// <summary>A property id: dotted kebab-case words, e.g. kswapd.sleeps or wmark.check-monotone.</summary>
    public static bool IsPropertyId(string text) => PropertyId().IsMatch(text);

    /// <summary>A property parameter: snake_case, e.g. window_s.</summary>
    public static bool IsParameterName(string text) => Snake().IsMatch(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyId();

    [GeneratedRegex("^[a-z][a-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Snake();
}
