using System.Globalization;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Simulate;

/// <summary>--seconds and --seed, read here so the refusals are worded by mmverify.</summary>
internal static class RunOptions
{
    public static int? Seconds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = IntegerText.Parse(text, "--seconds");
        if (value is < 1 or > ScenarioLoader.MaxDurationSeconds)
        {
            throw new BadInputException($"--seconds: {value} is out of range (1..{ScenarioLoader.MaxDurationSeconds})");
        }

        return (int)value;
    }

    /// <summary>A seed is an unsigned 64-bit decimal number.</summary>
    public static ulong Seed(string? text)
    {
        if (text is null)
        {
            return ScenarioSetup.DefaultSeed;
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new BadInputException($"--seed: '{text}' is not a non-negative integer");
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new BadInputException($"--seed: '{text}' is out of range (0..{ulong.MaxValue})");
    }
}
