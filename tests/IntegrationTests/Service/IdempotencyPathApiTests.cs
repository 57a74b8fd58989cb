using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>An Idempotency-Key is scoped by the route as the router matched it and by the caller, not by the raw path.</summary>
public sealed class IdempotencyPathApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task The_same_key_on_the_same_route_spelled_with_other_case_or_a_trailing_slash_is_replayed_and_appends_once()
    {
        var admin = app.As(Roles.HrAdmin);
        var (school, _, kepalaSekolah, guru) = await admin.School();
        var peer = await admin.Employee(school, supervisorNip: kepalaSekolah);
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await admin.Open(cycle, guru);
        var feedback = $"{Routes.Appraisals.One(cycle, guru)}/feedback";
        var giver = app.As(Roles.Employee, peer, name: "rekan.guru");
        var body = new { source = "Peer", scores = new { Harmonis = 4 } };
        var before = await app.EventCount();

        var first = await giver.Post(feedback, body, idempotencyKey: "umpan-balik-1");
        var upper = await giver.Post(feedback.Replace("/feedback", "/Feedback", StringComparison.Ordinal).ToUpperInvariant(), body, idempotencyKey: "umpan-balik-1");
        var slash = await giver.Post(feedback + "/", body, idempotencyKey: "umpan-balik-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        foreach (var retry in new[] { upper, slash })
        {
            retry.StatusCode.Should().Be(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
            retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Should().Equal("true");
            (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        }

        (await app.EventCount()).Should().Be(before + 1);

        // Another caller's key of the same spelling is theirs alone.
        var other = await app.As(Roles.Supervisor, kepalaSekolah, name: "kepala.sekolah").Post(feedback, new { source = "Supervisor", scores = new { Harmonis = 4 } }, idempotencyKey: "umpan-balik-1");
        other.StatusCode.Should().Be(HttpStatusCode.OK, await other.Content.ReadAsStringAsync());
        other.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).Should().BeFalse();
    }

    [Fact]
    public void The_canonical_path_ignores_case_trailing_and_doubled_slashes()
    {
        IdempotencyMiddleware.CanonicalPath("/api/v1/Cycles/AB/appraisals//198609262015051001/Realisations/")
            .Should().Be(IdempotencyMiddleware.CanonicalPath("/api/v1/cycles/ab/appraisals/198609262015051001/realisations"));
    }
}
