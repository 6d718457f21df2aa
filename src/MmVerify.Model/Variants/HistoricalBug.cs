namespace MmVerify.Model.Variants;

/// <summary>
/// How a historical bug was fixed: the fixing commit's title, its author, the release it went into and whether
/// that release was checked (KERNEL.md section 10 marks most recent ones UNCONFIRMED).
/// </summary>
public sealed record BugFix(string Title, string Author, string FixedIn, bool VersionConfirmed, string Source)
{
    /// <summary>The release as a reader should quote it.</summary>
    public string FixedInText => VersionConfirmed ? FixedIn : $"{FixedIn} (version UNCONFIRMED)";
}

/// <summary>
/// A mainline kernel bug that was later fixed, written as a patch that puts the old behaviour back on a baseline
/// (linux-7.2+bug-...): its policy points, and the fix it undoes. Kept out of the scenarios' variant lists, so the
/// CI gate does not run them; `mmverify caught-by` does.
/// </summary>
public sealed record HistoricalBug(Patch Patch, BugFix Fix)
{
    public string Name => Patch.Name;

    /// <summary>The variant the caught-by matrix runs: the bug on the 7.2 baseline.</summary>
    public string Variant => $"{VariantCatalog.DefaultBaseline}+{Patch.Name}";
}
