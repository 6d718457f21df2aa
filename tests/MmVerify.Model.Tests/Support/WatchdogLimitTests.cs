namespace MmVerify.Model.Tests.Support;

/// <summary>The hang watchdog's limit: unset means the generous default, anything but a positive integer is refused.</summary>
public sealed class WatchdogLimitTests
{
    [Fact]
    public void Unset_or_blank_gives_the_default_of_two_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), WatchdogLimit.Parse(null));
        Assert.Equal(TimeSpan.FromSeconds(120), WatchdogLimit.Parse(" "));
    }

    [Fact]
    public void A_positive_number_of_milliseconds_is_taken_as_is() =>
        Assert.Equal(TimeSpan.FromMilliseconds(3000), WatchdogLimit.Parse("3000"));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3s")]
    [InlineData("1.5")]
    public void Anything_else_is_refused_with_the_variable_named(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => WatchdogLimit.Parse(value));
        Assert.Contains(WatchdogLimit.Variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_tests_get_the_limit_and_litmus_runs_and_properties_at_least_the_default()
    {
        var tight = TimeSpan.FromSeconds(3);
        Assert.Equal(tight, WatchdogLimit.For("MmVerify.Model.Tests.Alloc.FastPathTests", tight));
        Assert.Equal(TimeSpan.FromSeconds(120), WatchdogLimit.For("MmVerify.Model.Tests.Litmus.LitmusTests", tight));
        Assert.Equal(TimeSpan.FromSeconds(120), WatchdogLimit.For("MmVerify.Model.Tests.Properties.WatermarkPropertyTests", tight));
        Assert.Equal(TimeSpan.FromSeconds(300), WatchdogLimit.For("MmVerify.Model.Tests.Properties.BuddyPropertyTests", TimeSpan.FromSeconds(300)));
    }

    [Fact]
    public void During_Strykers_coverage_capture_unit_tests_get_at_least_the_default_too()
    {
        var tight = TimeSpan.FromSeconds(3);
        Assert.Equal(TimeSpan.FromSeconds(120), WatchdogLimit.For("MmVerify.Model.Tests.Alloc.FastPathTests", tight, capturingCoverage: true));
        Assert.Equal(TimeSpan.FromSeconds(300), WatchdogLimit.For("MmVerify.Model.Tests.Alloc.FastPathTests", TimeSpan.FromSeconds(300), capturingCoverage: true));
    }

    [Fact]
    public void Outside_Stryker_no_coverage_capture_is_seen() => Assert.False(StrykerCoverageCapture.Active);
}
