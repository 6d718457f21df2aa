namespace MmVerify.Specs.Scenarios;

/// <summary>
/// Reads "properties": per property id, named numbers. Ids are checked for spelling only, not against
/// PropertyCatalog, so a scenario may carry parameters for properties not implemented yet.
/// </summary>
internal static class PropertiesReader
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Read(JsonCursor? cursor)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (cursor is not { } c)
        {
            return result;
        }

        foreach (var (id, value) in ObjectReader.Entries(c))
        {
            if (!ScenarioIds.IsPropertyId(id))
            {
                throw value.Fail($"'{id}' is not a property id (dotted kebab-case, e.g. kswapd.sleeps)");
            }

            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, number) in ObjectReader.Entries(value))
            {
                if (!ScenarioIds.IsParameterName(name))
                {
                    throw number.Fail($"'{name}' is not a parameter name (snake_case, e.g. window_s)");
                }

                parameters[name] = number.Number(double.MinValue, double.MaxValue);
            }

            result[id] = parameters;
        }

        return result;
    }
}
