using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace MmVerify.Engine.Pbt;

/// <summary>
/// Runs one property over generated cases with FsCheck: generate, evaluate, and on failure shrink with
/// the given shrinker until no smaller case fails (or the shrink budget is spent). Sequential and seeded,
/// so the same options give the same cases, the same counterexample and the same bytes.
/// </summary>
public static class PbtRunner
{
    /// <summary>falsify evaluates a case: null when the property holds, otherwise why it fails.</summary>
    public static PbtOutcome<TCase, TFailure> Run<TCase, TFailure>(
        Gen<TCase> generator,
        Func<TCase, IEnumerable<TCase>> shrinker,
        Func<TCase, TFailure?> falsify,
        PbtOptions options)
        where TCase : class
        where TFailure : class
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(shrinker);
        ArgumentNullException.ThrowIfNull(falsify);
        ArgumentNullException.ThrowIfNull(options);

        var clock = Stopwatch.StartNew();
        TCase? first = null, last = null;
        TFailure? failure = null;
        double firstAt = 0;
        long evaluations = 0, shrinkRuns = 0;
        var exhausted = false;

        bool Holds(TCase c)
        {
            evaluations++;
            if (first is not null)
            {
                shrinkRuns++;
            }

            var why = falsify(c);
            if (why is null)
            {
                return true;
            }

            // FsCheck keeps the first failing shrink candidate and shrinks on from it, so the last failing
            // evaluation is the final, smallest counterexample.
            if (first is null)
            {
                first = c;
                firstAt = clock.Elapsed.TotalSeconds;
            }

            last = c;
            failure = why;
            return false;
        }

        IEnumerable<TCase> Shrink(TCase c)
        {
            foreach (var candidate in shrinker(c))
            {
                if (shrinkRuns >= options.MaxShrinkRuns)
                {
                    exhausted = true;
                    yield break;
                }

                yield return candidate;
            }
        }

        var runner = new OutcomeRunner();
        var replay = FSharpOption<Replay>.Some(new Replay(new Rnd(options.Seed, PbtOptions.Gamma), FSharpOption<int>.None));
        var config = Config.Quick.WithMaxTest(options.MaxTests).WithRunner(runner).WithReplay(replay);
        Check.One(config, Prop.ForAll(Arb.From(generator, Shrink), Holds));

        return new PbtOutcome<TCase, TFailure>(
            runner.Tests, runner.Shrinks, evaluations, first, last, failure, firstAt, clock.Elapsed.TotalSeconds, exhausted);
    }

    /// <summary>Takes FsCheck's counts instead of printing them.</summary>
    private sealed class OutcomeRunner : IRunner
    {
        public int Tests { get; private set; }

        public int Shrinks { get; private set; }

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
            switch (testResult)
            {
                case TestResult.Passed p:
                    Tests = p.Item1.NumberOfTests;
                    break;
                case TestResult.Failed f:
                    Tests = f.Item1.NumberOfTests;
                    Shrinks = f.Item1.NumberOfShrinks;
                    break;
            }
        }
    }
}
