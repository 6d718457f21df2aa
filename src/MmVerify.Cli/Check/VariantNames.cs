using MmVerify.Model.Variants;

namespace MmVerify.Cli.Check;

/// <summary>Refuses an unknown or incompatible variant name before any engine starts (exit 2).</summary>
internal static class VariantNames
{
    public static void Validate(IEnumerable<string> variants)
    {
        foreach (var v in variants)
        {
            try
            {
                VariantCatalog.Resolve(v);
            }
            catch (VariantException e)
            {
                throw new BadInputException($"unknown variant '{v}': {e.Message}");
            }
        }
    }
}
