using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace MmVerify.Engine.Smt;

/// <summary>
/// One z3 process (<c>z3 -in -smt2</c>) spoken to over stdin/stdout. Each query runs between push and pop;
/// each request is framed by an echo of a sentinel. The solver's own timeout (set-option :timeout) turns a
/// hard query into "unknown"; a wall-clock watchdog kills the process if even that does not answer, and the
/// next query starts a fresh one.
/// </summary>
public sealed class Z3Session : IDisposable
{
    private const string Sentinel = "MMVERIFY-DONE";
    private readonly string _executable;
    private readonly int _watchdogMs;
    private Process? _process;
    private BlockingCollection<string>? _lines;

    public Z3Session(string executable = "z3", int timeoutMs = 60_000, int watchdogGraceMs = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMs, 1);
        _executable = executable;
        TimeoutMs = timeoutMs;
        _watchdogMs = timeoutMs + watchdogGraceMs;
        Start();
        Version = Request("(get-info :version)").Trim();
    }

    /// <summary>The solver's per-query timeout in milliseconds.</summary>
    public int TimeoutMs { get; }

    /// <summary>The solver's answer to (get-info :version), e.g. (:version "4.8.12").</summary>
    public string Version { get; }

    /// <summary>How many times the watchdog had to kill the process.</summary>
    public int WatchdogKills { get; private set; }

    /// <summary>Runs one query in its own push/pop scope.</summary>
    public SolverOutcome Check(SmtQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var watch = Stopwatch.StartNew();
        string answer;
        try
        {
            answer = Request("(push 1)\n" + query.Body() + CheckCommand(query.Logic)).Trim();
        }
        catch (TimeoutException)
        {
            return new SolverOutcome(SolverVerdict.Unknown, [], "watchdog: no answer within " + _watchdogMs + " ms", watch.ElapsedMilliseconds);
        }
        catch (SolverCanceledException e)
        {
            // The scope may be half set up: the next query starts a fresh process.
            Stop();
            return new SolverOutcome(SolverVerdict.Unknown, [], e.Message, watch.ElapsedMilliseconds);
        }
        catch (SolverException)
        {
            // The scope is in an unknown state: the next query starts a fresh process.
            Stop();
            throw;
        }

        var elapsed = watch.ElapsedMilliseconds;
        switch (answer)
        {
            case "unsat":
                Pop();
                return new SolverOutcome(SolverVerdict.Proved, [], null, elapsed);
            case "sat":
                return AfterSat(query, elapsed);
            case "unknown":
                string reason;
                try
                {
                    reason = Request("(get-info :reason-unknown)").Trim();
                }
                catch (SolverCanceledException e)
                {
                    reason = e.Message;
                }

                Pop();
                return new SolverOutcome(SolverVerdict.Unknown, [], reason, elapsed);
            default:
                throw new SolverException($"unexpected answer to {query.Name}: {answer}");
        }
    }

    // Leaves the query's scope; if z3's timeout cancels even that, the next query starts a fresh process.
    private void Pop()
    {
        try
        {
            Request("(pop 1)");
        }
        catch (SolverCanceledException)
        {
            Stop();
        }
    }

    // A sat answer whose model z3 cannot produce (its timeout can fire between the answer and get-value) is
    // unknown, never a counterexample without values; the scope is then in an unknown state, so restart.
    private SolverOutcome AfterSat(SmtQuery query, long elapsed)
    {
        try
        {
            var model = query.Observe.Count == 0 ? [] : ReadValues(Request(query.GetValueCommand()));
            Request("(pop 1)");
            return new SolverOutcome(SolverVerdict.Counterexample, model, null, elapsed);
        }
        catch (SolverException e)
        {
            Stop();
            return new SolverOutcome(SolverVerdict.Unknown, [], "sat, but no model: " + e.Message, elapsed);
        }
    }

    /// <summary>Evaluates terms under many assignments in one round trip each: z3 as an oracle for differential tests.</summary>
    public IReadOnlyList<IReadOnlyList<SmtValue>> Evaluate(IReadOnlyList<Term> terms, IReadOnlyList<IReadOnlyDictionary<string, UInt128>> assignments)
    {
        var (vars, defs) = SmtPrinter.Collect(terms);
        var results = new List<IReadOnlyList<SmtValue>>(assignments.Count);
        var getValue = "(get-value (" + string.Join(' ', terms.Select(SmtPrinter.Print)) + "))";
        foreach (var assignment in assignments)
        {
            var sb = new System.Text.StringBuilder("(push 1)\n");
            foreach (var v in vars)
            {
                sb.Append("(declare-const ").Append(SmtPrinter.Symbol(v.Op)).Append(' ').Append(SmtPrinter.Sort(v.Width)).Append(")\n");
            }

            foreach (var d in defs)
            {
                sb.Append("(define-fun ").Append(SmtPrinter.Symbol(d.Op)).Append(" () ").Append(SmtPrinter.Sort(d.Width)).Append(' ').Append(SmtPrinter.Print(d.Body)).Append(")\n");
            }

            foreach (var v in vars)
            {
                var value = assignment[v.Op];
                var literal = v.IsBool ? (value != 0 ? "true" : "false")
                    : v.IsInt ? SmtPrinter.IntLiteral(unchecked((Int128)value))
                    : SmtPrinter.Literal(value & T.Mask(v.Width), v.Width);
                sb.Append("(assert (= ").Append(SmtPrinter.Symbol(v.Op)).Append(' ').Append(literal).Append("))\n");
            }

            sb.Append("(check-sat)");
            var sat = Request(sb.ToString()).Trim();
            if (sat != "sat")
            {
                throw new SolverException($"evaluation: expected sat, got {sat}");
            }

            var values = SExpr.Parse(Request(getValue));
            results.Add([.. values.Items.Select(pair => SExpr.ToValue(pair.Items[1]))]);
            Request("(pop 1)");
        }

        return results;
    }

    /// <summary>
    /// check-sat-using with the logic's own tactic: after push, plain check-sat would use z3's incremental
    /// core, many times slower on bit-vector arithmetic. try-for turns the timeout into "unknown".
    /// </summary>
    private string CheckCommand(string logic)
    {
        var tactic = logic switch
        {
            "QF_BV" => "qfbv",
            "QF_NIA" => "qfnia",
            "QF_LIA" => "qflia",
            _ => null,
        };
        return tactic is null ? "(check-sat)" : $"(check-sat-using (try-for {tactic} {TimeoutMs}))";
    }

    public void Dispose()
    {
        Stop();
    }

    private static IReadOnlyList<KeyValuePair<string, SmtValue>> ReadValues(string text)
    {
        var e = SExpr.Parse(text);
        return [.. e.Items.Select(pair => new KeyValuePair<string, SmtValue>(pair.Items[0].Atom ?? pair.Items[0].ToString(), SExpr.ToValue(pair.Items[1])))];
    }

    private void Start()
    {
        var info = new ProcessStartInfo(_executable, ["-in", "-smt2"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info) ?? throw new SolverUnavailableException($"could not start {_executable}");
        }
        catch (Win32Exception e)
        {
            throw new SolverUnavailableException($"z3 not found ('{_executable}' could not be started: {e.Message}); install it with: apt-get install z3", e);
        }

        var lines = new BlockingCollection<string>();
        _lines = lines;
        var stdout = _process.StandardOutput;
        var reader = new Thread(() =>
        {
            try
            {
                while (stdout.ReadLine() is { } line)
                {
                    lines.Add(line);
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                lines.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "z3-stdout" };
        reader.Start();
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        Send($"(set-option :print-success false)\n(set-option :produce-models true)\n(set-option :timeout {TimeoutMs})");
    }

    private void Send(string text)
    {
        try
        {
            _process!.StandardInput.Write(text);
            _process.StandardInput.Write('\n');
            _process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            Stop();
            throw new SolverException($"z3 died: {e.Message}");
        }
    }

    /// <summary>Sends commands, then reads everything up to the sentinel (watchdog: kill and restart).</summary>
    private string Request(string commands)
    {
        if (_process is null || _process.HasExited)
        {
            Stop();
            Start();
        }

        Send(commands + $"\n(echo \"{Sentinel}\")");
        var deadline = Stopwatch.StartNew();
        var answer = new System.Text.StringBuilder();
        string? error = null;
        while (true)
        {
            var left = _watchdogMs - (int)deadline.ElapsedMilliseconds;
            string? line = null;
            var got = left > 0 && _lines!.TryTake(out line, left);
            if (!got)
            {
                if (_lines!.IsCompleted)
                {
                    Stop();
                    throw new SolverException("z3 exited unexpectedly" + (answer.Length > 0 ? ": " + answer.ToString().Trim() : string.Empty));
                }

                WatchdogKills++;
                Stop();
                throw new TimeoutException("z3 did not answer in time");
            }

            if (line == Sentinel)
            {
                break;
            }

            // Read on to the sentinel so that the session stays usable, then report the first error.
            if (line!.StartsWith("(error", StringComparison.Ordinal))
            {
                error ??= line;
                continue;
            }

            answer.Append(line).Append('\n');
        }

        if (error is null)
        {
            return answer.ToString();
        }

        // With a short :timeout, z3 can run out of time on the push before check-sat and say "canceled".
        throw error.Contains("canceled", StringComparison.Ordinal)
            ? new SolverCanceledException($"z3's timeout canceled the query: {error}")
            : new SolverException($"z3 rejected the script: {error}");
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _process = null;
    }
}
