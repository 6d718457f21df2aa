using System.Text;
using static MmVerify.ProcFs.KernelPrintf;

namespace MmVerify.ProcFs;

/// <summary>/proc/vmstat for the model's counters.</summary>
public static class VmstatRenderer
{
    // mirrors vmstat_show(), mm/vmstat.c, v7.2: "name value" per line, in the order given
    public static string Render(IEnumerable<KeyValuePair<string, long>> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var sb = new StringBuilder();
        foreach (var (name, value) in counters)
        {
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"'{name}' is not a vmstat counter name", nameof(counters));
            }

            // The kernel prints unsigned values (negative per-cpu drift is clamped to 0 before that);
            // the model has no drift, so a negative count is a model bug and must not be hidden.
            if (value < 0)
            {
                throw new ArgumentException($"vmstat counter {name} is negative ({value})", nameof(counters));
            }

            sb.Append(name).Append(' ').Append(Decimal(value)).Append('\n');
        }

        return sb.ToString();
    }
}
