using System.Globalization;

namespace MmVerify.ProcFs;

/// <summary>The printf field widths the /proc renderers need. Like printf, a wider value is never cut.</summary>
internal static class KernelPrintf
{
    /// <summary>%Ns: right-aligned.</summary>
    public static string Right(string s, int width) => s.PadLeft(width);

    /// <summary>%-Ns: left-aligned.</summary>
    public static string Left(string s, int width) => s.PadRight(width);

    /// <summary>%Nlu / %Nd: right-aligned decimal.</summary>
    public static string Right(long value, int width) => Right(Decimal(value), width);

    /// <summary>%lu / %ld / %d with no width.</summary>
    public static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
