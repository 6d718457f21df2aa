using System.Text.Json;
using System.Text.RegularExpressions;

namespace MmVerify.Cli.Tests;

/// <summary>mmverify prove: the JSON contract, exit codes, bad input and determinism (needs z3).</summary>
public sealed partial class ProveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mmverify-prove-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Json_has_one_result_per_query_with_the_contract_fields_and_exit_0()
    {
        var r = CliRun.Run("prove", "--theory", "debounce", "--theory", "kswapd-counter", "--emit-smt", _dir, "--format", "json");
        Assert.Equal(0, r.Exit);
        Assert.Equal(string.Empty, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(25, results.Count);
        foreach (var res in results)
        {
            Assert.Contains(res.GetProperty("theory").GetString(), new[] { "debounce", "kswapd-counter" });
            Assert.Contains(res.GetProperty("verdict").GetString(), new[] { "proved", "counterexample" });
            var model = res.GetProperty("model");
            Assert.Equal(res.GetProperty("verdict").GetString() == "counterexample", model.ValueKind == JsonValueKind.Object);
            Assert.True(File.Exists(res.GetProperty("smt2").GetString()));
            Assert.True(res.GetProperty("elapsed_ms").GetInt64() >= 0);
            _ = res.GetProperty("confirmed_on_model").GetBoolean();
        }

        var lasso = results.Single(x => x.GetProperty("query").GetString() == "linux-6.12.livelock-lasso");
        Assert.Equal("counterexample", lasso.GetProperty("verdict").GetString());
        Assert.True(lasso.GetProperty("confirmed_on_model").GetBoolean());
        Assert.True(lasso.GetProperty("model").TryGetProperty("loop", out _));
        var proof = results.Single(x => x.GetProperty("query").GetString() == "linux-7.2.hopeless-step");
        Assert.Equal("proved", proof.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, proof.GetProperty("model").ValueKind);
        Assert.Equal(25, doc.RootElement.GetProperty("summary").GetProperty("as_expected").GetInt32());
    }

    [Fact]
    public void Two_runs_print_the_same_bytes_apart_from_elapsed_ms()
    {
        var a = CliRun.Run("prove", "--theory", "kswapd-counter", "--theory", "autotune", "--emit-smt", _dir, "--format", "json");
        var b = CliRun.Run("prove", "--theory", "autotune", "--theory", "kswapd-counter", "--emit-smt", _dir, "--format", "json");
        Assert.Equal(0, a.Exit);
        Assert.Equal(Elapsed().Replace(a.Out, "\"elapsed_ms\":0"), Elapsed().Replace(b.Out, "\"elapsed_ms\":0"));
    }

    [Fact]
    public void Text_names_each_finding_and_says_whether_the_model_confirms_it()
    {
        var r = CliRun.Run("prove", "--theory", "autotune", "--emit-smt", _dir);
        Assert.Equal(0, r.Exit);
        Assert.Contains(r.OutLines, l => l.Contains("counterexample", StringComparison.Ordinal) && l.Contains("autotune/v1-int-overflow", StringComparison.Ordinal));
        Assert.Contains(r.OutLines, l => l.Contains("confirmed on the model: model v1 leaves min_free_kbytes", StringComparison.Ordinal));
        Assert.Matches("^6 queries: 6 as expected, 0 unexpected, 0 unknown", r.OutLines[^1]);
    }

    [Fact]
    public void A_timeout_is_unknown_and_exit_3_never_proved()
    {
        var r = CliRun.Run("prove", "--theory", "wmark-arith", "--emit-smt", _dir, "--format", "json", "--timeout-ms", "1");
        Assert.True(r.Exit == 3, $"exit {r.Exit}: {string.Join('\n', r.ErrLines)}");
        using var doc = JsonDocument.Parse(r.Out);
        var ordered = doc.RootElement.GetProperty("results").EnumerateArray().Single(x => x.GetProperty("query").GetString() == "setup-ordered");
        Assert.Equal("unknown", ordered.GetProperty("verdict").GetString());
        Assert.False(ordered.GetProperty("confirmed_on_model").GetBoolean());
    }

    [Fact]
    public void An_unknown_theory_is_bad_input_in_one_line()
    {
        var r = CliRun.Run("prove", "--theory", "nonsense", "--emit-smt", _dir);
        Assert.Equal(2, r.Exit);
        var line = Assert.Single(r.ErrLines);
        Assert.Contains("unknown theory 'nonsense'", line);
        Assert.Contains("wmark-arith", line);
    }

    [Fact]
    public void A_missing_z3_is_bad_input_with_an_install_hint()
    {
        var r = CliRun.Run("prove", "--theory", "boost", "--emit-smt", _dir, "--z3", "/nonexistent/z3");
        Assert.Equal(2, r.Exit);
        var line = Assert.Single(r.ErrLines);
        Assert.Contains("apt-get install z3", line);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void A_z3_that_crashes_mid_run_is_reported_in_one_line_and_never_turned_into_verdicts()
    {
        var fake = Path.Combine(_dir, "crashing-z3.sh");
        File.WriteAllText(fake, "#!/bin/sh\n# answers the version request, then dies\nwhile IFS= read -r line; do\n  case \"$line\" in\n    *MMVERIFY-DONE*) echo '(:version \"fake\")'; echo MMVERIFY-DONE; exit 1 ;;\n  esac\ndone\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var r = CliRun.Run("prove", "--theory", "debounce", "--emit-smt", _dir, "--z3", fake);
        Assert.Equal(2, r.Exit);
        Assert.Contains("z3 failed", Assert.Single(r.ErrLines));
        Assert.Equal(string.Empty, r.Out);
    }

    [GeneratedRegex("\"elapsed_ms\":[0-9]+")]
    private static partial Regex Elapsed();
}

/// <summary>check --engine smt: the theories as gate verdicts under DESIGN's property ids.</summary>
public sealed class CheckEngineSmtTests
{
    [Fact]
    public void Check_with_the_smt_engine_reports_the_seed_001_livelock_as_a_violation_of_kswapd_hopeless_on_6_12_only()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-check-smt-").FullName;
        try
        {
            var r = CliRun.Run("check", "--engine", "smt", "--property", "kswapd.hopeless", "--format", "json", "--out", dir);
            Assert.Equal(0, r.Exit);
            using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
            var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(15, results.Count);
            Assert.All(results, x => Assert.Equal("smt", x.GetProperty("engine").GetString()));

            // 6.12 violates every query; 6.12 + the reset patch only the boosted-run clause (6.12 counts boosted
            // runs as failures); 7.2 none.
            static bool Violated(JsonElement x) =>
                x.GetProperty("variant").GetString() == "linux-6.12"
                || (x.GetProperty("variant").GetString() == "linux-6.12+reset-when-balanced" && x.GetProperty("scenario").GetString()!.EndsWith(".boosted-run-not-counted", StringComparison.Ordinal));
            Assert.All(results, x => Assert.Equal(Violated(x) ? "violated" : "holds", x.GetProperty("verdict").GetString()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Check_with_the_smt_engine_refuses_an_unknown_property_in_one_line()
    {
        var r = CliRun.Run("check", "--engine", "smt", "--property", "nope");
        Assert.Equal(2, r.Exit);
        Assert.Single(r.ErrLines);
    }
}
