using Kinerja.Api.WebConsole;

namespace Kinerja.UnitTests.WebConsole;

public sealed class TimelineFilterTests
{
    [Theory]
    [InlineData("2026-09-30T17:00", "2026-09-30T08:00:00Z")]
    [InlineData("2026-09-30T17:00:05", "2026-09-30T08:00:05Z")]
    [InlineData("2026-10-01", "2026-09-30T15:00:00Z")]
    public void A_wall_clock_time_from_the_form_is_read_as_WIT_whatever_the_server_zone(string typed, string utc) =>
        TimelineFilter.Wall(typed).Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30/09/2026")]
    [InlineData("2026-09-30T17:00+07:00")]
    public void Anything_else_is_not_a_time(string? typed) => TimelineFilter.Wall(typed).Should().BeNull();

    [Fact]
    public void The_query_keeps_the_filters_and_moves_the_page()
    {
        new TimelineFilter("2026-09-01T00:00", null, "transfer recorded", 5).Query(120)
            .Should().Be("?from=2026-09-01T00%3A00&type=transfer%20recorded&after=120");
        new TimelineFilter(null, null, null, null).Query().Should().BeEmpty();
    }
}
