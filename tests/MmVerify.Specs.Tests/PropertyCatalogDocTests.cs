using System.Text;

namespace MmVerify.Specs.Tests;

/// <summary>specs/PROPERTIES.md is the catalog as the code has it; this keeps the two from drifting apart.</summary>
public sealed class PropertyCatalogDocTests
{
    [Fact]
    public void Every_catalog_property_is_documented_with_what_violates_it()
    {
        Assert.Equal(26, PropertyCatalog.All.Count);
        Assert.All(PropertyCatalog.All, p => Assert.True(PropertyDocs.ById.ContainsKey(p.Id), p.Id));
        Assert.Equal(PropertyCatalog.All.Count, PropertyDocs.ById.Count);
    }

    [Fact]
    public void Properties_md_equals_the_generated_catalog()
    {
        var path = Path.Combine(TestFiles.RepoRoot(), "specs", "PROPERTIES.md");
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("MMVERIFY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    private static string Generate()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Property catalog");
        sb.AppendLine();
        sb.AppendLine("Generated from `PropertyCatalog` and `PropertyDocs` (specs/MmVerify.Specs); `PropertyCatalogDocTests` keeps it equal.");
        sb.AppendLine("Parameters are keys of a scenario's `properties` object, with their defaults.");
        sb.AppendLine();
        foreach (var p in PropertyCatalog.All)
        {
            var d = PropertyDocs.ById[p.Id];
            sb.Append("## `").Append(p.Id).AppendLine("`");
            sb.AppendLine();
            sb.Append("- **Kind:** ").AppendLine(d.Kind);
            sb.Append("- **Statement:** ").AppendLine(p.Statement);
            sb.Append("- **Kernel rationale:** ").AppendLine(p.Rationale);
            sb.Append("- **Provenance:** ").AppendLine(p.Provenance);
            sb.Append("- **Parameters:** ").AppendLine(d.Parameters);
            sb.Append("- **Shown violated by:** ").AppendLine(d.ViolatedBy);
            sb.AppendLine();
        }

        return sb.ToString();
    }
}
