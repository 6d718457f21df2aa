namespace MmVerify.ProcFs.Trace;

/// <summary>Splits a TP_printk text into key=value fields.</summary>
internal static class TraceFieldSplitter
{
    /// <summary>
    /// Fields are separated by blanks. A value runs to the next blank outside parentheses, so
    /// "range=(0x1 ~ 0x2)" stays one value; values may hold '|' (gfp_flags). A comma that ends a
    /// value is a separator ("zone_end=0x..., mode=async") and is dropped. Returns null and a reason
    /// when the text cannot be split.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Split(string text, out string? error)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                error = null;
                return fields;
            }

            var start = i;
            var depth = 0;
            for (; i < text.Length && (depth > 0 || !char.IsWhiteSpace(text[i])); i++)
            {
                depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            }

            if (depth != 0)
            {
                error = $"unbalanced parentheses in '{text[start..]}'";
                return null;
            }

            var token = text[start..i];
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq == 0)
            {
                error = $"field '{token}' has no name";
                return null;
            }

            var key = eq < 0 ? token : token[..eq];
            var value = eq < 0 ? string.Empty : token[(eq + 1)..].TrimEnd(',');
            fields.Add(UniqueKey(fields, key), value);
        }
    }

    // Some formats print one name twice ("zone name=%s upper_zone name=%s"): keep both.
    private static string UniqueKey(Dictionary<string, string> fields, string key)
    {
        if (!fields.ContainsKey(key))
        {
            return key;
        }

        var n = 2;
        while (fields.ContainsKey($"{key}#{n}"))
        {
            n++;
        }

        return $"{key}#{n}";
    }
}
