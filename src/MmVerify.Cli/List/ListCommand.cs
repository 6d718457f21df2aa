using System.CommandLine;
using MmVerify.Cli.Simulate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.List;

/// <summary>mmverify list variants|scenarios|properties: what the other commands accept by name.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "variants, scenarios or properties" };
        what.AcceptOnlyFromAmong("variants", "scenarios", "properties");
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("list", "List the variants, scenarios or properties mmverify knows") { what, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var json = parse.GetValue(format) == "json";
            switch (parse.GetValue(what))
            {
                case "variants":
                    if (json)
                    {
                        VariantList.WriteJson(output);
                    }
                    else
                    {
                        VariantList.WriteText(output);
                    }

                    break;
                case "scenarios":
                    var scenarios = ScenarioInput.All(ScenarioCatalog.BuiltIn);
                    if (json)
                    {
                        ScenarioList.WriteJson(scenarios, output);
                    }
                    else
                    {
                        ScenarioList.WriteText(scenarios, output);
                    }

                    break;
                default:
                    if (json)
                    {
                        PropertyList.WriteJson(output);
                    }
                    else
                    {
                        PropertyList.WriteText(output);
                    }

                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
