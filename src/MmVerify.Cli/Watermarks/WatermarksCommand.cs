using System.CommandLine;
using MmVerify.ProcFs;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// mmverify watermarks: recompute a real /proc/zoneinfo's watermarks and protection from its own
/// memory layout and the given sysctls, and say whether the kernel and the model agree.
/// </summary>
internal static class WatermarksCommand
{
    public static Command Create()
    {
        // Numbers are taken as strings so that SysctlInput, not the parser, words the refusal.
        var zoneinfo = new Option<string>("--zoneinfo")
        {
            Description = "A /proc/zoneinfo capture (or /proc/zoneinfo itself)",
            Required = true,
        };
        var minFree = new Option<string?>("--min-free-kbytes")
        {
            Description = "vm.min_free_kbytes, 0..2147483647 (default: what the kernel computes for this memory)",
        };
        var scale = new Option<string?>("--watermark-scale-factor")
        {
            Description = "vm.watermark_scale_factor, 1..3000 (default: 10)",
        };
        var ratio = new Option<string[]?>("--lowmem-reserve-ratio")
        {
            Description = "vm.lowmem_reserve_ratio, e.g. \"256 256 32 0 0\"; values < 1 mean 0; "
                + "fewer values than zones keep the kernel defaults for the rest",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("watermarks", "Compare a zoneinfo file's watermarks and protection with the kernel's arithmetic; exit 1 on a mismatch")
        {
            zoneinfo, minFree, scale, ratio, format,
        };
        command.SetAction(parse =>
        {
            // Refuse bad sysctls before touching the file, as the kernel refuses the write.
            var request = new SysctlRequest(
                SysctlInput.MinFreeKbytes(parse.GetValue(minFree)),
                SysctlInput.WatermarkScaleFactor(parse.GetValue(scale)),
                // An absent array option reads as empty, which must not look like an empty write.
                SysctlInput.LowmemReserveRatio(parse.GetResult(ratio) is null ? null : parse.GetValue(ratio)));
            var path = parse.GetValue(zoneinfo)!;
            var info = ZoneinfoParser.Parse(ReadFile(path), path);
            var report = WatermarkComparer.Compare(info, request, path);

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                JsonReport.Write(report, output);
            }
            else
            {
                TextReport.Write(report, output);
            }

            return report.Match ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The runtime's message names the file; prefix the option so the line says what was wrong.
            throw new BadInputException($"--zoneinfo: {e.Message}");
        }
    }
}
