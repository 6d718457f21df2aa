using MmVerify.Model.Topology;

namespace MmVerify.Cli.Watermarks;

/// <summary>One zone: what the kernel's arithmetic gives for the sysctls against what the file says.</summary>
internal sealed record ZoneComparison(int Node, ZoneKind Kind, long Managed, long Boost, ZoneValues Computed, ZoneValues File)
{
    public string Name => ZoneKinds.Name(Kind);

    /// <summary>The fields that differ, in print order: min, low, high, promo, protection.</summary>
    public IReadOnlyList<string> Mismatches
    {
        get
        {
            var fields = new List<string>();
            if (Computed.Min != File.Min)
            {
                fields.Add("min");
            }

            if (Computed.Low != File.Low)
            {
                fields.Add("low");
            }

            if (Computed.High != File.High)
            {
                fields.Add("high");
            }

            if (Computed.Promo != File.Promo)
            {
                fields.Add("promo");
            }

            if (!Computed.Protection.SequenceEqual(File.Protection))
            {
                fields.Add("protection");
            }

            return fields;
        }
    }

    public bool Match => Mismatches.Count == 0;
}
