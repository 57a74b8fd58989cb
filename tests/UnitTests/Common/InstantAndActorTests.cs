using Kinerja.Application.Common;
using Kinerja.Domain;

namespace Kinerja.UnitTests.Common;

public sealed class InstantAndActorTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-01T01:00:00Z")]
    [InlineData("2026-03-01T01:00:00.000z")]
    [InlineData("2026-03-01T10:00:00+09:00")]
    [InlineData("2026-03-01T10:00:00 09:00")]
    [InlineData("2026-03-01T08:00:00+07:00")]
    [InlineData("2026-03-01T08:00:00+0700")]
    [InlineData("2026-02-28T20:00:00-05:00")]
    public void An_instant_with_any_offset_reads_as_the_same_instant(string text)
    {
        Wit.TryParseInstant(text, out var at).Should().BeTrue();
        at.Should().Be(Instant);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00")]
    [InlineData("2026-03-01")]
    [InlineData("")]
    [InlineData("kemarin")]
    public void An_instant_without_an_offset_is_refused(string text) => Wit.TryParseInstant(text, out _).Should().BeFalse();

    [Fact]
    public void An_instant_is_shown_in_WIT_with_milliseconds() =>
        Wit.Show(Instant.AddTicks(1_234_567)).Should().Be("2026-03-01T10:00:00.123+09:00");

    [Theory]
    [InlineData("198609262015051001", "198609262015051001")]
    [InlineData("kepsek.smpn9", null)]
    [InlineData("generator", null)]
    public void A_legacy_actor_string_keeps_its_name_and_is_taken_as_a_NIP_only_when_it_is_one(string legacy, string? nip)
    {
        var actor = Actor.FromLegacy(legacy);
        (actor.Nip, actor.Name, actor.Role, actor.Account).Should().Be((nip, legacy, (string?)null, (string?)null));
    }
}
