using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace MmVerify.Model.Tests.Support;

/// <summary>
/// Runs an FsCheck property from a plain xUnit fact (FsCheck.Xunit is not on the mirror) with a
/// fixed seed, so every run of the suite checks the same cases, and returns the outcome instead of
/// printing it, so that tests can also assert that a faulty variant IS caught.
/// </summary>
internal static class Pbt
{
    public static PbtOutcome Check(Property property, int maxTest, ulong seed, ITestOutputHelper? output = null)
    {
        var runner = new CapturingRunner();
        var replay = FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None));
        var config = Config.Quick.WithMaxTest(maxTest).WithRunner(runner).WithReplay(replay);
        FsCheck.Check.One(config, property);
        var outcome = runner.Outcome ?? throw new InvalidOperationException("FsCheck reported no result");
        output?.WriteLine(outcome.Text);
        return outcome;
    }

    private sealed class CapturingRunner : IRunner
    {
        public PbtOutcome? Outcome { get; private set; }

        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string name, TestResult testResult)
        {
            var text = Runner.onFinishedToString(name, testResult);
            Outcome = testResult switch
            {
                TestResult.Passed p => new PbtOutcome(true, p.Item1.NumberOfTests, 0, [], text),
                TestResult.Failed f => new PbtOutcome(false, f.Item1.NumberOfTests, f.Item1.NumberOfShrinks, f.Item3.ToArray(), text),
                _ => new PbtOutcome(false, 0, 0, [], text),
            };
        }
    }
}

/// <summary>What FsCheck found: on failure, the shrunk arguments.</summary>
internal sealed record PbtOutcome(bool Passed, int Tests, int Shrinks, object[] ShrunkArguments, string Text);
