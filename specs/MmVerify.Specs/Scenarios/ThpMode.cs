namespace MmVerify.Specs.Scenarios;

/// <summary>/sys/kernel/mm/transparent_hugepage/enabled.</summary>
public enum ThpMode
{
    Always,
    Madvise,
    Never,
}
