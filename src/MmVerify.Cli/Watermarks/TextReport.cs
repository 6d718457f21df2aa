using System.Globalization;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// The report for a kernel reviewer: one header line with the sysctls, then per zone a watermark row
/// and a protection row as "computed/file", columns aligned on the slash, mismatches named at the end.
/// </summary>
internal static class TextReport
{
    private const string Gap = "  ";

    public static void Write(WatermarkReport report, TextWriter output)
    {
        var s = report.Sysctls;
        output.WriteLine(
            $"min_free_kbytes {s.MinFreeKbytes} ({s.MinFreeKbytesRule}), " +
            $"watermark_scale_factor {s.WatermarkScaleFactor} ({s.WatermarkScaleFactorSource}), " +
            $"lowmem_reserve_ratio {string.Join(' ', s.LowmemReserveRatio)} ({s.LowmemReserveRatioSource})");
        output.WriteLine("pages, computed/file; min, low, high and promo include the zone's boost");

        var rows = report.Zones.Select(Cells).ToArray();
        var widths = ColumnWidths(rows);
        for (var r = 0; r < rows.Length; r++)
        {
            var zone = report.Zones[r];
            var mismatches = zone.Mismatches;
            var watermarkMismatches = mismatches.Where(m => m != "protection").ToArray();

            var line = string.Join(Gap, rows[r].Select((cell, c) => cell.Render(widths[c])));
            if (watermarkMismatches.Length > 0)
            {
                line += $"{Gap}MISMATCH: {string.Join(", ", watermarkMismatches)}";
            }

            output.WriteLine(line.TrimEnd());

            var indent = new string(' ', widths[0].Computed);
            var protection = $"{indent}{Gap}protection {Tuple(zone.Computed.Protection)}/{Tuple(zone.File.Protection)}";
            if (mismatches.Contains("protection"))
            {
                protection += $"{Gap}MISMATCH";
            }

            output.WriteLine(protection);
        }

        output.WriteLine(report.Match
            ? $"all {report.Zones.Count} zones match"
            : $"{report.DifferingZones} of {report.Zones.Count} zones differ");
    }

    private readonly record struct Widths(int Computed, int File);

    /// <summary>"min    71/71   ": computed right-aligned, file left-aligned, so the slashes line up.</summary>
    private readonly record struct Cell(string Label, string Computed, string? File = null)
    {
        public string Render(Widths w) => (Label, File) switch
        {
            ("", _) => Computed.PadRight(w.Computed),
            (_, null) => $"{Label} {Computed.PadLeft(w.Computed)}",
            _ => $"{Label} {Computed.PadLeft(w.Computed)}/{File.PadRight(w.File)}",
        };
    }

    private static Cell[] Cells(ZoneComparison zone)
    {
        var cells = new List<Cell>
        {
            // The kernel's own row label: "Node %d, zone %8s".
            new("", $"Node {zone.Node}, zone {zone.Name,8}"),
            new("managed", Number(zone.Managed)),
            new("boost", Number(zone.Boost)),
            new("min", Number(zone.Computed.Min), Number(zone.File.Min)),
            new("low", Number(zone.Computed.Low), Number(zone.File.Low)),
            new("high", Number(zone.Computed.High), Number(zone.File.High)),
        };

        // A file without promo lines (6.1) has nothing to compare promo with.
        if (zone.File.Promo is { } filePromo)
        {
            cells.Add(new("promo", zone.Computed.Promo is { } p ? Number(p) : "-", Number(filePromo)));
        }

        return cells.ToArray();
    }

    private static Widths[] ColumnWidths(Cell[][] rows)
    {
        var columns = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        var widths = new Widths[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = new Widths(
                    Math.Max(widths[c].Computed, row[c].Computed.Length),
                    Math.Max(widths[c].File, row[c].File?.Length ?? 0));
            }
        }

        return widths;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kernel's "(0, 3019, 3531, 3531, 3531)".</summary>
    private static string Tuple(IReadOnlyList<long> values) => $"({string.Join(", ", values.Select(Number))})";
}
