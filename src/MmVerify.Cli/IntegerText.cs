using System.Globalization;

namespace MmVerify.Cli;

/// <summary>
/// Integers on the command line, read as the kernel's proc_get_long() reads them (decimal digits with an
/// optional minus sign), so that refusals are worded by mmverify rather than by the parser library.
/// </summary>
internal static class IntegerText
{
    public static long Parse(string text, string option)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new BadInputException($"{option}: '{text}' is not an integer");
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadInputException($"{option}: '{text}' is out of range");
        }

        return value;
    }
}
