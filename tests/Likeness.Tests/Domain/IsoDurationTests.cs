using Likeness.Domain.Common;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>ISO 8601 durations of fixed length (days, hours, minutes, seconds with up to three decimals), to milliseconds.</summary>
public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT0S", 0L)]
    [InlineData("P0D", 0L)]
    [InlineData("PT60S", 60_000L)]
    [InlineData("PT1M", 60_000L)]
    [InlineData("PT1.5S", 1_500L)]
    [InlineData("PT1.25S", 1_250L)]
    [InlineData("PT0.001S", 1L)]
    [InlineData("PT1H30M", 5_400_000L)]
    [InlineData("PT1H1M1.1S", 3_661_100L)]
    [InlineData("P1D", 86_400_000L)]
    [InlineData("P1DT2H", 93_600_000L)]
    [InlineData("PT90M", 5_400_000L)] // no carrying rules: 90 minutes is fine
    [InlineData("P999999DT999999H999999999M999999999999.999S", 1_149_999_909_939_999L)] // every field at its widest still fits a long
    public void Fixed_length_durations_parse_to_milliseconds(string text, long millis)
    {
        Assert.True(IsoDuration.TryParseMillis(text, out var ms), text);
        Assert.Equal(millis, ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")] // a T with nothing after it
    [InlineData("P1Y")] // years, months and weeks have no fixed length
    [InlineData("P1M")]
    [InlineData("P1W")]
    [InlineData("PT-1S")]
    [InlineData("pt60s")]
    [InlineData("PT60")]
    [InlineData("60S")]
    [InlineData("PT.5S")]
    [InlineData("PT1.2345S")] // more than millisecond precision
    [InlineData("PT1S1M")] // out of order
    [InlineData("PT1M1H")]
    [InlineData(" PT60S")]
    [InlineData("PT60S ")]
    [InlineData("PT60S\n")]
    [InlineData("PT1,5S")]
    [InlineData("P1000000D")] // wider than the grammar allows
    [InlineData("PT\u0663S")] // an Arabic-Indic digit three: a digit to Unicode, not to ISO 8601
    [InlineData("60 seconds")]
    public void Anything_else_is_refused_without_throwing(string text)
    {
        Assert.False(IsoDuration.TryParseMillis(text, out var ms), text);
        Assert.Equal(0, ms);
    }
}
