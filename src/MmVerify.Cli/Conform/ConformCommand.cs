using System.CommandLine;
using MmVerify.Model.Variants;
using MmVerify.Specs.Conformance;

namespace MmVerify.Cli.Conform;

/// <summary>
/// mmverify conform: follow a real (or model-rendered) vmscan trace with the model's kswapd state machine
/// and name the first event the specification cannot explain. Exit 0 conforms, 1 does not, 2 bad input.
/// </summary>
internal static class ConformCommand
{
    public static Command Create()
    {
        var trace = new Option<string>("--trace")
        {
            Description = "The kernel's trace file (/sys/kernel/tracing/trace) or `trace-cmd report` text",
            Required = true,
        };
        var variant = new Option<string>("--variant")
        {
            Description = "The kernel the trace should follow, e.g. linux-6.12 (default linux-7.2)",
            DefaultValueFactory = _ => "linux-7.2",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("conform", "Check a vmscan/compaction trace against the kswapd state machine; exit 1 at the first event it cannot explain")
        {
            trace, variant, format,
        };
        command.SetAction(parse =>
        {
            KernelPolicy policy;
            try
            {
                policy = VariantCatalog.Resolve(parse.GetValue(variant)!);
            }
            catch (VariantException e)
            {
                throw new BadInputException($"--variant: {e.Message}");
            }

            var path = parse.GetValue(trace)!;
            var input = TraceInput.Open(path);
            ConformanceReport report;
            try
            {
                report = ConformanceChecker.Check(input.Points(), input.Present, ConformanceVariant.From(policy));
            }
            catch (ConformanceInputException e)
            {
                throw new BadInputException($"{path}: {e.Message}");
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                ConformJson.Write(path, report, input.SkippedLines, output);
            }
            else
            {
                ConformText.Write(path, report, input.SkippedLines, output);
            }

            return report.Conforms ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
