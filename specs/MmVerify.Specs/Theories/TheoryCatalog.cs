namespace MmVerify.Specs.Theories;

/// <summary>Every SMT theory, in report order.</summary>
public static class TheoryCatalog
{
    public static IReadOnlyList<ITheory> All { get; } =
    [
        new WmarkArithTheory(),
        new WmarkCheckTheory(),
        new AtomicBoostTheory(),
        new BoostTheory(),
        new AutotuneTheory(),
        new DebounceTheory(),
        new KswapdCounterTheory(),
    ];

    public static ITheory? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
