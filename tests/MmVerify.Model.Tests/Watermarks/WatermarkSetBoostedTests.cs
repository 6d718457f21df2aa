using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks the boosted watermark reads min_wmark_pages() .. promo_wmark_pages(), include/linux/mmzone.h: _watermark[i] + watermark_boost
public class WatermarkSetBoostedTests
{
    [Fact]
    public void The_boost_is_added_to_every_watermark()
    {
        var set = new WatermarkSet(13863, 17328, 20793, 24258);

        Assert.Equal(new WatermarkSet(13863 + 512, 17328 + 512, 20793 + 512, 24258 + 512), set.Boosted(512));
        Assert.Equal(set, set.Boosted(0));
    }
}
