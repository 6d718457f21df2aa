namespace MmVerify.Specs.Gate;

/// <summary>Runs independent gate jobs on several threads and returns their results in job order.</summary>
public static class GateWorkers
{
    public static IEnumerable<TResult> Map<TJob, TResult>(IReadOnlyList<TJob> jobs, int workers, Func<TJob, IReadOnlyList<TResult>> run)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(run);
        var results = new IReadOnlyList<TResult>[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i => results[i] = run(jobs[i]));
        return results.SelectMany(r => r);
    }
}
