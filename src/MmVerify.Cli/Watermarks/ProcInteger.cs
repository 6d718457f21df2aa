using System.Globalization;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// A sysctl value as proc_get_long() (kernel/sysctl.c) reads a write: an optional '-', then a digit,
/// then strtoul with base 0, so "0x10" is 16 and "010" is 8; anything left over is EINVAL.
/// </summary>
internal static class ProcInteger
{
    public static long Parse(string text, string option)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]))
        {
            throw NotAnInteger(text, option);
        }

        var (digits, radix) = body switch
        {
            ['0', 'x' or 'X', .. var hex] => (hex, 16),
            ['0', _, ..] => (body[1..], 8),
            _ => (body, 10),
        };
        if (digits.Length == 0 || !digits.All(c => IsDigit(c, radix)))
        {
            throw NotAnInteger(text, option);
        }

        // strtoul's -ERANGE, and beyond what any int sysctl takes. 30 digits of any radix fit in UInt128.
        UInt128 value = 0;
        foreach (var c in digits.Length > 30 ? "" : digits)
        {
            value = (value * (UInt128)radix) + (UInt128)HexValue(c);
        }

        if (digits.Length > 30 || value > long.MaxValue)
        {
            throw new BadInputException($"{option}: '{text}' is out of range");
        }

        return negative ? -(long)value : (long)value;
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => char.IsAsciiDigit(c),
    };

    private static int HexValue(char c) => int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static BadInputException NotAnInteger(string text, string option) =>
        new($"{option}: '{text}' is not an integer");
}
