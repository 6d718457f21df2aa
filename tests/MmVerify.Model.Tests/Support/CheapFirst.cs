using Xunit.Abstractions;
using Xunit.Sdk;

// One test at a time, cheapest first: a mutant (mutation/README.md) is usually killed by a unit test in
// milliseconds, and Stryker stops a run at its first failure, so the seconds of the property tests and
// litmus runs are only spent on mutants the unit tests miss. The project runs in a few seconds either way.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("MmVerify.Model.Tests.Support.CheapCollectionsFirst", "MmVerify.Model.Tests")]
[assembly: TestCaseOrderer("MmVerify.Model.Tests.Support.DeclaredRowOrder", "MmVerify.Model.Tests")]

namespace MmVerify.Model.Tests.Support;

/// <summary>Unit test classes first, then the litmus runs (cheap rows first), then the property tests; by name within each.</summary>
public sealed class CheapCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) =>
        collection.DisplayName.Contains(".Properties.", StringComparison.Ordinal) ? 2
        : collection.DisplayName.Contains(".Litmus.", StringComparison.Ordinal) ? 1
        : 0;
}

/// <summary>
/// Facts by name; the rows of a theory in the order its data declares them (LitmusTests.Rows lists the
/// cheap litmus runs first).
/// </summary>
public sealed class DeclaredRowOrder : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal).ThenBy(t => RowIndex(t)).ThenBy(t => t.DisplayName, StringComparer.Ordinal);

    private static int RowIndex(ITestCase testCase) =>
        testCase.TestMethodArguments is { Length: > 0 } args ? Litmus.LitmusTests.RowIndex(args) : 0;
}
