namespace MmVerify.Engine.Properties;

/// <summary>What a property says and why: the catalog entry.</summary>
/// <param name="Id">Dotted id, e.g. buddy.conservation.</param>
/// <param name="Statement">One sentence that can be checked.</param>
/// <param name="Rationale">Why the kernel needs it.</param>
/// <param name="Provenance">Where it comes from (a kernel rule, a seed, a thread).</param>
public sealed record PropertyInfo(string Id, string Statement, string Rationale, string Provenance);
