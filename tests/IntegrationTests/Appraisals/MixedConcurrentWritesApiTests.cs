using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>
/// Writes of different kinds to one appraisal at once (public feedback, realisations, feedback from 8 threads): they
/// queue or lose the race with a 409, never deadlock (40P01) or answer 500, and every acknowledged write is kept.
/// </summary>
public sealed class MixedConcurrentWritesApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Eight_threads_mixing_public_feedback_realisations_and_feedback_on_one_appraisal_get_only_2xx_or_409_and_keep_every_acknowledged_write()
    {
        var admin = app.As(Roles.HrAdmin);
        var (school, _, kepalaSekolah, guru) = await admin.School();
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school], closesOn: new DateOnly(2027, 1, 15));
        await admin.Open(cycle, guru);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await app.As(Roles.Employee, guru).AgreedPlan(app.As(Roles.Supervisor, kepalaSekolah), appraisal);
        var peers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            peers.Add(await admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        var before = await app.EventCount();
        var evidence = new { link = "https://drive.ambon.go.id/sd/rpp.pdf", description = "RPP" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            var portal = app.As(Roles.Portal);
            var me = app.As(Roles.Employee, guru);
            var peer = app.As(Roles.Employee, peers[thread % peers.Count]);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 25; i++)
            {
                var response = ((thread + i) % 3) switch
                {
                    0 => await portal.Post($"{appraisal}/public-feedback", new
                    {
                        submissionId = $"survei-{thread}-{i}", respondentGroup = "Parent", scores = new { BerorientasiPelayanan = i % 5 + 1 },
                    }),
                    1 => await me.Post($"{appraisal}/realisations", new { indicatorKey = "R1.1", value = i, evidence, achievedOn = "2026-08-31" }),
                    _ => await peer.Post($"{appraisal}/feedback", new { source = "Peer", scores = new { Harmonis = i % 5 + 1 } }),
                };
                statuses.Add(response.StatusCode);
            }

            return statuses;
        })));

        var all = answers.SelectMany(a => a).ToList();
        all.Should().HaveCount(200);
        var histogram = string.Join(", ", all.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"));
        all.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Created || s == HttpStatusCode.Conflict, histogram);
        // They queue on the stream's lock instead of failing on each other.
        all.Count(s => s == HttpStatusCode.Conflict).Should().BeLessThan(10, histogram);
        // One event per acknowledged write: none lost, none added by a refused one.
        (await app.EventCount() - before).Should().Be(all.Count(s => s is HttpStatusCode.OK or HttpStatusCode.Created));
    }
}
