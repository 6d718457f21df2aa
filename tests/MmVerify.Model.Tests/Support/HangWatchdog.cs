using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Xunit.Abstractions;
using Xunit.Sdk;

// A mutant that turns a model loop into an endless one (a free-list walk stepping by 1 >> order, a pcp list
// whose unlink was removed) would otherwise hang the whole test run until Stryker's timeout, about 16 s each
// in the last full run. The watchdog fails the hung test instead, so the run ends and the mutant is killed.
[assembly: TestFramework("MmVerify.Model.Tests.Support.HangWatchdogFramework", "MmVerify.Model.Tests")]

namespace MmVerify.Model.Tests.Support;

/// <summary>
/// xUnit's own framework with one change: a test case that runs longer than the watchdog limit is reported as
/// failed and the run goes on, like the kernel's soft-lockup detector reporting a CPU stuck in a loop. It is a
/// liveness guard, not a performance assertion: the limit (<c>MMVERIFY_TEST_WATCHDOG_MS</c>, default 120 s) is
/// far above the slowest test (about 0.5 s idle), and mutation runs set it lower for the unit tests
/// (ci/mutation.sh; <see cref="WatchdogLimit.For"/>).
/// </summary>
public sealed class HangWatchdogFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new WatchdogExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink, WatchdogLimit.Read());
}

/// <summary>The watchdog limit from the environment; a malformed value stops the run with one line.</summary>
internal static class WatchdogLimit
{
    public const string Variable = "MMVERIFY_TEST_WATCHDOG_MS";
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(120);

    public static TimeSpan Read() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>
    /// The limit for one test class: the variable's for unit tests (milliseconds each, idle), never less than
    /// the default for the litmus runs and property tests, which run whole simulations or a hundred generated
    /// cases and, on Stryker's instrumented model, take seconds. A tighter limit there fails slow but correct
    /// runs: 73 equivalent mutants were "killed" by a 3 s limit on the property tests in one full run.
    /// </summary>
    /// <remarks>
    /// During Stryker's coverage capture every test gets at least the default: recording coverage makes the
    /// model many times slower. A test the watchdog gives up on there never reports its end to Stryker's
    /// collector and its thread runs on, so what it covers counts as covered outside any test, and Stryker
    /// tests those mutants against the whole suite, one run each (mutation/README.md, Figures).
    /// </remarks>
    public static TimeSpan For(string testClass, TimeSpan limit, bool capturingCoverage = false) =>
        capturingCoverage || testClass.Contains(".Litmus.", StringComparison.Ordinal) || testClass.Contains(".Properties.", StringComparison.Ordinal)
            ? (limit > Default ? limit : Default)
            : limit;

    public static TimeSpan Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Default;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
            throw new ArgumentException($"{Variable} must be a positive number of milliseconds, not '{value}'");
        return TimeSpan.FromMilliseconds(ms);
    }
}

internal sealed class WatchdogExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink, TimeSpan limit)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
{
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        using var runner = new WatchdogAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions, limit);
        await runner.RunAsync();
    }
}

internal sealed class WatchdogAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions, TimeSpan limit)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
        new WatchdogCollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource, limit).RunAsync();
}

internal sealed class WatchdogCollectionRunner(ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, TimeSpan limit)
    : XunitTestCollectionRunner(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
{
    protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
        new WatchdogClassRunner(testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings, limit).RunAsync();
}

internal sealed class WatchdogClassRunner(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, IDictionary<Type, object> collectionFixtureMappings, TimeSpan limit)
    : XunitTestClassRunner(testClass, @class, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource, collectionFixtureMappings)
{
    protected override Task<RunSummary> RunTestMethodAsync(ITestMethod testMethod, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, object[] constructorArguments) =>
        new WatchdogMethodRunner(testMethod, Class, method, testCases, DiagnosticMessageSink, MessageBus, new ExceptionAggregator(Aggregator), CancellationTokenSource, constructorArguments, WatchdogLimit.For(testMethod.TestClass.Class.Name, limit, StrykerCoverageCapture.Active)).RunAsync();
}

/// <summary>Runs each test case on its own thread and stops waiting for it after the limit.</summary>
internal sealed class WatchdogMethodRunner(ITestMethod testMethod, IReflectionTypeInfo @class, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, object[] constructorArguments, TimeSpan limit)
    : XunitTestMethodRunner(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
{
    protected override async Task<RunSummary> RunTestCaseAsync(IXunitTestCase testCase)
    {
        // A thread of its own: a test stuck in a loop never yields, and .NET cannot abort it. It is a
        // background thread, so it dies with the test host at the end of the run.
        var thread = 0;
        var run = Task.Factory.StartNew(() =>
        {
            thread = NativeThread.CurrentId();
            return base.RunTestCaseAsync(testCase);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        if (await Task.WhenAny(run, Task.Delay(limit)).ConfigureAwait(false) == run)
            return await run.ConfigureAwait(false);

        // The stuck thread keeps spinning until the host exits; at the lowest priority it no longer slows the
        // tests that follow it in this run (which the watchdog would otherwise fail as well).
        NativeThread.Deprioritize(thread);

        var test = new XunitTest(testCase, testCase.DisplayName);
        var seconds = (decimal)limit.TotalSeconds;
        var message = $"hang watchdog: the test did not finish within {limit.TotalMilliseconds:0} ms ({WatchdogLimit.Variable}); a model loop that never ends?";
        // The runner knows a test only from its TestStarting message, and the hung one's stays unfinished.
        MessageBus.QueueMessage(new TestStarting(test));
        MessageBus.QueueMessage(new TestFailed(test, seconds, "", [typeof(TimeoutException).FullName], [message], [""], [-1]));
        MessageBus.QueueMessage(new TestFinished(test, seconds, ""));
        return new RunSummary { Total = 1, Failed = 1, Time = seconds };
    }
}

/// <summary>Linux thread ids and nice values; elsewhere the watchdog leaves priorities alone.</summary>
internal static class NativeThread
{
    private const int PrioProcess = 0; // with a thread id, setpriority() renices that one thread on Linux
    private const int LowestPriority = 19;

    public static int CurrentId() => OperatingSystem.IsLinux() ? GetTid() : 0;

    public static void Deprioritize(int threadId)
    {
        if (threadId > 0)
            _ = SetPriority(PrioProcess, threadId, LowestPriority);
    }

    // DllImport rather than LibraryImport: blittable ints need no marshalling code, and no unsafe blocks.
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int prio);
}
