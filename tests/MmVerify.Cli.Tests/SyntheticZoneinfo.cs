using System.Globalization;
using System.Text;

namespace MmVerify.Cli.Tests;

/// <summary>One zone of a hand-written /proc/zoneinfo: the values the kernel would print.</summary>
internal sealed record FakeZone(string Name, long Managed, long Min, long Low, long High, long? Promo, long[] Protection, long Boost = 0);

/// <summary>
/// Writes /proc/zoneinfo text in the kernel's layout (zoneinfo_show_print) for one node, so that tests
/// can state worked examples as the kernel would print them.
/// </summary>
internal static class SyntheticZoneinfo
{
    public static string Render(params FakeZone[] zones)
    {
        var text = new StringBuilder();
        var firstPopulated = true;
        long startPfn = 1;
        foreach (var z in zones)
        {
            Line(text, $"Node 0, zone {z.Name,8}");
            if (z.Managed > 0 && firstPopulated)
            {
                Line(text, "  per-node stats");
                Line(text, "      nr_inactive_anon 396");
                Line(text, "      nr_active_anon 360");
                firstPopulated = false;
            }

            Line(text, $"  pages free     {z.Managed}");
            Line(text, $"        boost    {z.Boost}");
            Line(text, $"        min      {z.Min}");
            Line(text, $"        low      {z.Low}");
            Line(text, $"        high     {z.High}");
            if (z.Promo is { } promo)
            {
                Line(text, $"        promo    {promo}");
            }

            Line(text, $"        spanned  {z.Managed}");
            Line(text, $"        present  {z.Managed}");
            Line(text, $"        managed  {z.Managed}");
            Line(text, "        cma      0");
            Line(text, $"        protection: ({string.Join(", ", z.Protection)})");
            if (z.Managed == 0)
            {
                continue;
            }

            Line(text, $"      nr_free_pages {z.Managed}");
            Line(text, "  pagesets");
            Line(text, "    cpu: 0");
            Line(text, "              count:    0");
            Line(text, "              high:     0");
            Line(text, "              batch:    1");
            Line(text, "  vm stats threshold: 4");
            Line(text, "  node_unreclaimable:  0");
            Line(text, $"  start_pfn:           {startPfn}");
            startPfn += z.Managed;
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
