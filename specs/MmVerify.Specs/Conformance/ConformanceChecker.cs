using System.Globalization;
using MmVerify.Model.Kswapd;

namespace MmVerify.Specs.Conformance;

/// <summary>
/// Follows a trace with the model's kswapd state machine, node by node, and reports the first event it
/// cannot explain. Engine-free: it reads TracePoints, not a simulation.
/// </summary>
public sealed class ConformanceChecker
{
    public const string KswapdWake = "mm_vmscan_kswapd_wake";
    public const string KswapdSleep = "mm_vmscan_kswapd_sleep";
    public const string WakeupKswapd = "mm_vmscan_wakeup_kswapd";
    public const string ReclaimFail = "mm_vmscan_kswapd_reclaim_fail";
    public const string ClearHopeless = "mm_vmscan_kswapd_clear_hopeless";
    public const string BalanceBegin = "mm_vmscan_balance_pgdat_begin";
    public const string BalanceEnd = "mm_vmscan_balance_pgdat_end";

    private readonly ConformanceVariant _variant;
    private readonly SortedDictionary<int, NodeTrace> _nodes = [];
    private readonly Dictionary<ConformanceRule, int> _checked = [];
    private bool _hasBalance;
    private ConformanceViolation? _violation;

    private ConformanceChecker(ConformanceVariant variant) => _variant = variant;

    /// <summary>
    /// Checks a trace read once, in order. Which rules apply depends on which tracepoints the whole trace has
    /// (present: the event names of all its lines), so a caller streaming a large file reads it twice.
    /// </summary>
    public static ConformanceReport Check(IEnumerable<TracePoint> points, IReadOnlySet<string> present, ConformanceVariant variant)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(variant);
        return new ConformanceChecker(variant).Run(points, present);
    }

    private ConformanceReport Run(IEnumerable<TracePoint> points, IReadOnlySet<string> present)
    {
        _hasBalance = present.Contains(BalanceBegin);
        var events = 0;
        var lost = 0;
        foreach (var p in points)
        {
            if (p.IsLostMarker)
            {
                lost++;
                foreach (var node in _nodes.Values)
                {
                    node.Forget();
                }

                continue;
            }

            events++;
            if (_violation is null && p.Fields.TryGetValue("nid", out var nidText) && p.Event.StartsWith("mm_vmscan_", StringComparison.Ordinal))
            {
                var node = Node((int)Number(p, "nid", nidText, int.MaxValue));
                Step(p, node);
                node.Remember(p);
            }
        }

        return new ConformanceReport(_variant.Name, events, [.. _nodes.Keys], _violation, ConformanceChecks.Describe(present, _checked, _variant), lost);
    }

    private NodeTrace Node(int nid)
    {
        if (!_nodes.TryGetValue(nid, out var node))
        {
            node = new NodeTrace(nid);
            _nodes[nid] = node;
        }

        return node;
    }

    private void Step(TracePoint p, NodeTrace node)
    {
        switch (p.Event)
        {
            case KswapdWake:
                OwnThread(p, node);
                NotHopeless(p, node, "kswapd woke");
                if (_hasBalance && node.Kswapd is KswapdSeen.Woken or KswapdSeen.Balancing)
                {
                    Fail(p, node, ConformanceRules.WakeSleep, node.Kswapd == KswapdSeen.Woken
                        ? "kswapd_wake again before the balance_pgdat run of the previous wake: every wake is followed by balance_pgdat"
                        : "kswapd_wake inside a balance_pgdat run");
                }

                Count(ConformanceRules.WakeSleep);
                node.Kswapd = _hasBalance ? KswapdSeen.Woken : KswapdSeen.Awake;
                break;
            case KswapdSleep:
                OwnThread(p, node);
                // mirrors kswapd_try_to_sleep(), mm/vmscan.c, v7.2: the full sleep is traced only from a running kswapd
                if (node.Kswapd == KswapdSeen.Asleep)
                {
                    Fail(p, node, ConformanceRules.WakeSleep, "kswapd_sleep while kswapd is already asleep (no kswapd_wake since the last sleep)");
                }
                else if (node.Kswapd == KswapdSeen.Balancing)
                {
                    Fail(p, node, ConformanceRules.WakeSleep, "kswapd_sleep inside a balance_pgdat run");
                }
                else if (node.Kswapd == KswapdSeen.Woken)
                {
                    Fail(p, node, ConformanceRules.WakeSleep, "kswapd_sleep after a kswapd_wake without the balance_pgdat run that follows every wake");
                }

                Count(ConformanceRules.WakeSleep);
                node.Kswapd = KswapdSeen.Asleep;
                break;
            case WakeupKswapd:
                // mirrors wakeup_kswapd(), mm/vmscan.c, v7.2: a hopeless node returns before the tracepoint
                NotHopeless(p, node, "wakeup_kswapd woke kswapd");
                break;
            case BalanceBegin:
                BeginRun(p, node);
                break;
            case BalanceEnd:
                EndRun(p, node);
                break;
            case ReclaimFail:
                CountFailure(p, node);
                break;
            case ClearHopeless:
                ClearFailures(p, node);
                break;
        }
    }

    private void BeginRun(TracePoint p, NodeTrace node)
    {
        OwnThread(p, node);
        NotHopeless(p, node, "balance_pgdat ran");
        // mirrors kswapd(), mm/vmscan.c, v7.2: kswapd_wake is traced right before every balance_pgdat call
        var why = node.Kswapd switch
        {
            KswapdSeen.Asleep => "balance_pgdat began while kswapd was asleep",
            KswapdSeen.Balancing => "balance_pgdat began inside another balance_pgdat run",
            KswapdSeen.Awake => "balance_pgdat began without a kswapd_wake since the last run",
            _ => null,
        };
        if (why is not null)
        {
            Fail(p, node, ConformanceRules.WakeSleep, why);
        }

        Count(ConformanceRules.WakeSleep);
        node.Kswapd = KswapdSeen.Balancing;
        node.RunReset = null;
        node.RunFailure = null;
    }

    private void EndRun(TracePoint p, NodeTrace node)
    {
        OwnThread(p, node);
        if (node.Kswapd is not (KswapdSeen.Balancing or KswapdSeen.Unknown))
        {
            Fail(p, node, ConformanceRules.WakeSleep, "balance_pgdat_end without a balance_pgdat_begin");
        }

        Count(ConformanceRules.WakeSleep);
        var reclaimed = Number(p, "nr_reclaimed", p.Fields.GetValueOrDefault("nr_reclaimed"), long.MaxValue);
        if (node.RunFailure is { } failure)
        {
            Count(ConformanceRules.FailureInRun);
            if (reclaimed != 0)
            {
                Fail(p, node, ConformanceRules.FailureInRun, $"the run counted a failure (line {failure.Line}) but ends with nr_reclaimed={reclaimed}");
            }
        }

        if (node.RunReset is { } reset)
        {
            Count(ConformanceRules.ResetNeedsProgress);
            if (reclaimed == 0)
            {
                Fail(p, node, ConformanceRules.ResetNeedsProgress, $"the run reset the count by KSWAPD reclaim (line {reset.Line}) but ends with nr_reclaimed=0");
            }
        }

        node.Kswapd = KswapdSeen.Awake;
        node.RunReset = null;
        node.RunFailure = null;
    }

    // mirrors balance_pgdat(), mm/vmscan.c, v7.2 (the failure count at the end of a run that reclaimed nothing)
    private void CountFailure(TracePoint p, NodeTrace node)
    {
        OwnThread(p, node);
        var failures = (int)Number(p, "failures", p.Fields.GetValueOrDefault("failures"), int.MaxValue);
        Count(ConformanceRules.FailuresIncrement);
        if (node.Failures is { } before ? failures != before + 1 : failures < 1)
        {
            Fail(p, node, ConformanceRules.FailuresIncrement, node.Failures is { } b
                ? $"node {node.Nid}: failures went {b} -> {failures}; a failed run adds exactly one"
                : $"node {node.Nid}: failures={failures}; a failed run leaves at least 1");
        }

        if (_hasBalance)
        {
            Count(ConformanceRules.FailureInRun);
            if (node.Kswapd is not (KswapdSeen.Balancing or KswapdSeen.Unknown))
            {
                Fail(p, node, ConformanceRules.FailureInRun, "a failure was counted outside a balance_pgdat run");
            }

            if (node.RunReset is { } reset)
            {
                Count(ConformanceRules.ResetNeedsProgress);
                Fail(p, node, ConformanceRules.ResetNeedsProgress, $"the same run reset the count by KSWAPD reclaim (line {reset.Line}), which needs reclaimed pages, and counts a failure, which needs none");
            }
        }

        node.RunFailure = p;
        node.Failures = failures;
    }

    // mirrors kswapd_clear_hopeless(), mm/vmscan.c, v7.2 (traced only when the old count was non-zero)
    private void ClearFailures(TracePoint p, NodeTrace node)
    {
        var reason = p.Fields.GetValueOrDefault("reason") ?? "";
        Count(ConformanceRules.ResetReason);
        var isKswapd = IsKswapd(p.Comm);
        if (!_variant.ResetReasons.Contains(reason))
        {
            Fail(p, node, ConformanceRules.ResetReason, $"reason={reason} is not a reset {_variant.Name} has (it has {string.Join(", ", _variant.ResetReasons)})");
        }
        else if (reason == "KSWAPD" && isKswapd == false)
        {
            Fail(p, node, ConformanceRules.ResetReason, $"reason=KSWAPD from task {p.Comm}-{p.Pid}, which is not kswapd");
        }
        else if (reason == "KSWAPD" && _hasBalance && node.Kswapd is not (KswapdSeen.Balancing or KswapdSeen.Unknown))
        {
            Fail(p, node, ConformanceRules.ResetReason, "reason=KSWAPD outside the node's balance_pgdat run (kswapd reclaims only there)");
        }
        else if (reason == "DIRECT" && isKswapd == true)
        {
            Fail(p, node, ConformanceRules.ResetReason, $"reason=DIRECT from {p.Comm}, a kswapd thread (current_is_kswapd() would say KSWAPD)");
        }

        Count(ConformanceRules.FailuresIncrement);
        if (node.Failures == 0)
        {
            Fail(p, node, ConformanceRules.FailuresIncrement, $"clear_hopeless while the count is already 0 (the tracepoint fires only when it was non-zero)");
        }

        if (reason == "KSWAPD" && _hasBalance)
        {
            if (node.RunFailure is { } failure)
            {
                Count(ConformanceRules.ResetNeedsProgress);
                Fail(p, node, ConformanceRules.ResetNeedsProgress, $"a KSWAPD reset in a run that already counted a failure (line {failure.Line})");
            }

            node.RunReset = p;
        }

        node.Failures = 0;
    }

    private void NotHopeless(TracePoint p, NodeTrace node, string what)
    {
        if (node.Failures is null)
        {
            return;
        }

        Count(ConformanceRules.Hopeless);
        if (node.Failures >= KswapdFunctions.MaxReclaimRetries)
        {
            Fail(p, node, ConformanceRules.Hopeless, $"{what} while node {node.Nid} is hopeless (failures={node.Failures} >= {KswapdFunctions.MaxReclaimRetries}) and no clear_hopeless revived it");
        }
    }

    private void OwnThread(TracePoint p, NodeTrace node)
    {
        if (IsKswapd(p.Comm) is null)
        {
            return;
        }

        Count(ConformanceRules.OwnThread);
        var own = "kswapd" + node.Nid.ToString(CultureInfo.InvariantCulture);
        if (p.Comm != own)
        {
            Fail(p, node, ConformanceRules.OwnThread, $"{p.Event} of node {node.Nid} from {p.Comm}-{p.Pid}, not {own}");
        }
    }

    /// <summary>Whether the task is a kswapd thread; null when the tracer did not know the comm ("&lt;...&gt;").</summary>
    private static bool? IsKswapd(string comm) =>
        comm.Length == 0 || comm == "<...>" ? null : comm.StartsWith("kswapd", StringComparison.Ordinal);

    private void Count(ConformanceRule rule) => _checked[rule] = _checked.GetValueOrDefault(rule) + 1;

    private void Fail(TracePoint p, NodeTrace node, ConformanceRule rule, string explanation) =>
        _violation ??= new ConformanceViolation(p, rule, explanation, node.Recent);

    // %d and %lu fields: digits only, at most max (nid and failures are ints, nr_reclaimed an unsigned long).
    private static long Number(TracePoint p, string field, string? text, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new ConformanceInputException(p.Line, $"{p.Event}: field {field} is {(text is null ? "missing" : $"'{text}', not a number")}");
}
