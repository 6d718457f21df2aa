using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>A directory of ID.json files: listed by id, found by id, file names and ids agreeing.</summary>
public sealed class ScenarioCatalogTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"mmverify-catalog-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public void All_scenarios_load_sorted_by_id()
    {
        var all = new ScenarioCatalog(TestFiles.Directory).LoadAll();

        Assert.Equal(["minimal", "small-mixed"], all.Select(s => s.Id));
    }

    [Fact]
    public void A_scenario_is_found_by_id()
    {
        var catalog = new ScenarioCatalog(TestFiles.Directory);

        Assert.Equal("small-mixed", catalog.Find("small-mixed")!.Id);
        Assert.Null(catalog.Find("absent"));
    }

    [Theory]
    [InlineData("../TestScenarios/minimal")]
    [InlineData("minimal.json")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void A_name_that_is_not_an_id_never_reaches_the_file_system(string name)
    {
        Assert.Null(new ScenarioCatalog(TestFiles.Directory).Find(name));
    }

    [Fact]
    public void A_missing_directory_is_an_empty_catalog()
    {
        Assert.Empty(new ScenarioCatalog(_temp).LoadAll());
    }

    [Fact]
    public void A_file_whose_name_differs_from_its_id_is_refused()
    {
        Directory.CreateDirectory(_temp);
        var path = Path.Combine(_temp, "other.json");
        File.Copy(TestFiles.PathOf("minimal"), path);

        var e = Assert.Throws<ScenarioException>(() => new ScenarioCatalog(_temp).LoadAll());

        Assert.Equal(path, e.File);
        Assert.Equal("$.id", e.JsonPath);
        Assert.Contains("expected 'other'", e.Reason);
    }

    [Fact]
    public void The_built_in_catalog_sits_next_to_the_program()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "scenarios"), ScenarioCatalog.BuiltIn.Directory);
    }
}
