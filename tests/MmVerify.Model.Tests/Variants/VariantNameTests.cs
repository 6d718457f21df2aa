using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.VariantPolicies;

// checks VariantCatalog.Resolve(), the model's BASELINE[+PATCH]... naming rule (no kernel counterpart)
public class VariantNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused_as_empty(string name)
    {
        var e = Assert.Throws<VariantException>(() => VariantCatalog.Resolve(name));
        Assert.Equal("empty variant name", e.Message);
    }
}
