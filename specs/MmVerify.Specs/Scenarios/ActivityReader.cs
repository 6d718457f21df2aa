using System.Text.Json;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Workload;

namespace MmVerify.Specs.Scenarios;

/// <summary>Reads one activity; fields left out keep ActivitySpec's defaults.</summary>
internal static class ActivityReader
{
    public static readonly string[] Keys =
    [
        "task", "op", "rate_per_s", "gfp", "lifetime_ms", "rx", "batch", "count", "order", "owner", "hot_fraction",
        "dirty_fraction", "only_if_free_block", "max_held_pages", "pause_below_watermark", "chunk_pages", "arena_pages", "reserve_mb", "arena_unmap",
    ];

    /// <summary>The watermarks Activity knows how to pause below.</summary>
    public static readonly string[] Watermarks = ["min", "low", "high"];

    public static ActivitySpec Read(JsonCursor cursor, List<TaskSpec> tasks, BuddyGeometry geometry)
    {
        var o = cursor.Object(Keys);
        var taskCursor = o.Required("task");
        var task = taskCursor.String();
        if (!tasks.Any(t => t.Name == task))
        {
            throw taskCursor.Fail($"unknown task '{task}'");
        }

        var spec = new ActivitySpec { Task = task, Op = Op(o.Required("op")) };
        return spec with
        {
            RatePerSecond = o.Optional("rate_per_s")?.Number(0, double.MaxValue) ?? spec.RatePerSecond,
            Gfp = o.Optional("gfp") is { } g ? ParseGfp(g) : spec.Gfp,
            LifetimeMs = o.Optional("lifetime_ms")?.Number(0, double.MaxValue) ?? spec.LifetimeMs,
            Rx = o.Optional("rx")?.Bool() ?? spec.Rx,
            Batch = o.Optional("batch")?.Int(1, int.MaxValue) ?? spec.Batch,
            Count = o.Optional("count") is { } c ? (c.IsNull ? null : c.Integer(0, long.MaxValue)) : spec.Count,
            Order = o.Optional("order")?.Int(0, geometry.MaxPageOrder) ?? spec.Order,
            Owner = o.Optional("owner") is { } w ? Owner(w) : spec.Owner,
            HotFraction = o.Optional("hot_fraction")?.Number(0, 1) ?? spec.HotFraction,
            DirtyFraction = o.Optional("dirty_fraction")?.Number(0, 1) ?? spec.DirtyFraction,
            OnlyIfFreeBlock = o.Optional("only_if_free_block")?.Bool() ?? spec.OnlyIfFreeBlock,
            MaxHeldPages = o.Optional("max_held_pages") is { } h ? (h.IsNull ? null : h.Integer(0, long.MaxValue)) : spec.MaxHeldPages,
            PauseBelowWatermark = o.Optional("pause_below_watermark") is { } p ? Watermark(p) : spec.PauseBelowWatermark,
            ChunkPages = o.Optional("chunk_pages")?.Int(1, int.MaxValue) ?? spec.ChunkPages,
            ArenaPages = o.Optional("arena_pages")?.Integer(0, long.MaxValue) ?? spec.ArenaPages,
            ReserveMb = o.Optional("reserve_mb")?.Number(0, double.MaxValue) ?? spec.ReserveMb,
            ArenaUnmap = o.Optional("arena_unmap")?.Bool() ?? spec.ArenaUnmap,
        };
    }

    private static OpKind Op(JsonCursor c)
    {
        var text = c.String();
        return KebabCase.TryParse<OpKind>(text, out var op) ? op : throw c.Fail($"unknown op '{text}'");
    }

    private static PageOwner Owner(JsonCursor c)
    {
        // None marks a free page; nothing allocates as "none".
        var text = c.String();
        return KebabCase.TryParse<PageOwner>(text, out var owner) && owner != PageOwner.None ? owner : throw c.Fail($"unknown owner '{text}'");
    }

    private static GfpFlags ParseGfp(JsonCursor c)
    {
        var text = c.String();
        return GfpNames.TryParse(text, out var error) ?? throw c.Fail(error!);
    }

    private static string? Watermark(JsonCursor c)
    {
        if (c.Element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = c.String();
        return Watermarks.Contains(text) ? text : throw c.Fail($"unknown watermark '{text}' (min, low or high)");
    }
}
