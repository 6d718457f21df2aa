using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>
/// The README's walk-through, step by step: a reviewer adds a patch as a policy class at a named point
/// (ClearOnMemcgProgress at PolicyPoint.HopelessReset, registered as "memcg-progress-revives"), runs check
/// on it, and reads the verdict and the counterexample. Expected: the patch re-opens seed 001's livelock.
/// </summary>
public sealed class GatingANewPatchTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"mmverify-gate-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, true);
        }
    }

    [Fact]
    public void The_new_variant_is_listed_with_its_provenance()
    {
        var r = CliRun.Run("list", "variants");

        Assert.Contains("memcg-progress-revives", r.Out);
    }

    [Fact]
    public void Check_on_the_proposed_patch_reports_the_livelock_and_replay_shows_it()
    {
        // Step 2 of the walk-through: no expectations are recorded for a new variant, so any violation exits 1.
        var r = CliRun.Run("check", "--engine", "pbt", "--scenario", "memcg-high-revives-kswapd",
            "--variant", "linux-7.2+memcg-progress-revives", "--out", _out, "--format", "json");

        Assert.Equal(ExitCodes.Failed, r.Exit);
        using var json = JsonDocument.Parse(r.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        var hopeless = results.Single(x => x.GetProperty("property").GetString() == "kswapd.hopeless");
        Assert.Equal("violated", hopeless.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, hopeless.GetProperty("expected").ValueKind);

        // The baseline it patches holds on the same workloads: the patch, not the scenario, is at fault.
        var baseline = CliRun.Run("check", "--engine", "pbt", "--scenario", "memcg-high-revives-kswapd",
            "--variant", "linux-7.2", "--property", "kswapd.hopeless", "--out", _out);
        Assert.Equal(ExitCodes.Ok, baseline.Exit);

        // Step 3: read the counterexample.
        var replay = CliRun.Run("replay", hopeless.GetProperty("counterexample").GetString()!);
        Assert.Equal(ExitCodes.Ok, replay.Exit);
        Assert.Contains("kswapd.hopeless fails", replay.Out);
    }
}
