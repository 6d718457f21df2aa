using MmVerify.Specs.Metrics;

namespace MmVerify.Specs.Tests.Metrics;

public class MetricStatsTests
{
    [Fact]
    public void Rates_average_harmonically_and_counts_arithmetically()
    {
        // Two runs at 1 and 3 pages/s: the harmonic mean 1.5 is the rate of the runs taken together.
        Assert.Equal(1.5, MetricStats.Mean(MetricKind.Rate, [1, 3]), 12);
        Assert.Equal(2, MetricStats.Mean(MetricKind.Count, [1, 3]), 12);
        Assert.Equal("Hmean", MetricStats.MeanName(MetricKind.Rate));
        Assert.Equal("Amean", MetricStats.MeanName(MetricKind.Count));
        Assert.Equal(0, MetricStats.Hmean([0.5, 0]));
    }

    [Fact]
    public void Stddev_is_the_sample_deviation_and_zero_for_one_run()
    {
        Assert.Equal(Math.Sqrt(2), MetricStats.Stddev([1, 3]), 12);
        Assert.Equal(0, MetricStats.Stddev([7]));
    }

    [Theory]
    [InlineData(200, 150, -25.0)]
    [InlineData(200, 300, 50.0)]
    [InlineData(-4, -2, 50.0)]
    [InlineData(0, 0, 0.0)]
    public void The_change_is_relative_to_the_base(double b, double p, double percent) =>
        Assert.Equal(percent, MetricStats.DeltaPercent(b, p)!.Value, 12);

    [Fact]
    public void A_zero_base_has_no_percentage() => Assert.Null(MetricStats.DeltaPercent(0, 5));
}
