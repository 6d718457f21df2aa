namespace MmVerify.Model.Sim;

/// <summary>A memory cgroup (struct mem_cgroup): usage and memory.high in pages. Id 0 is the root.</summary>
public sealed class Memcg
{
    public Memcg(int id, string name, long highPages)
    {
        Id = id;
        Name = name;
        HighPages = highPages;
    }

    public int Id { get; }

    public string Name { get; }

    /// <summary>memory.high in pages; long.MaxValue for "max".</summary>
    public long HighPages { get; set; }

    /// <summary>memory.current in pages.</summary>
    public long UsagePages { get; set; }

    /// <summary>memory.events "high": times reclaim_high ran for this group.</summary>
    public long HighEvents { get; set; }

    public Memcg Clone() => (Memcg)MemberwiseClone();
}
