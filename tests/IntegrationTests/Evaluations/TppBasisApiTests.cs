using System.Net;
using Kinerja.Api.Evaluations;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Evaluations.ExportingTppBasis;
using Kinerja.Infrastructure.Audit;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>
/// A school's three appraisals: the guru's approved as Baik, the second guru's plan agreed but not evaluated, the kepala sekolah excused.
/// The export is checked row by row against values written out by hand, with the events and seals read straight from the store.
/// </summary>
public sealed class TppBasisApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task The_TPP_basis_gives_each_employees_final_predikat_with_the_ids_and_hashes_of_the_events_that_prove_it_as_JSON_and_CSV()
    {
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        var guru2 = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        // The third triwulan, still running on the fixture's day (15 September).
        var periodEnd = new DateOnly(2026, 9, 30);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), periodEnd, [school], kind: "Quarterly");
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        foreach (var nip in new[] { kepalaSekolah, guru, guru2 })
        {
            await _admin.Open(cycle, nip);
        }

        await app.As(Roles.Employee, guru).AgreedPlan(rater, Routes.Appraisals.One(cycle, guru));
        await app.As(Roles.Employee, guru2).AgreedPlan(rater, Routes.Appraisals.One(cycle, guru2));
        (await _admin.Post($"{Routes.Appraisals.One(cycle, kepalaSekolah)}/excusal", new { reason = "Cuti besar" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluation = $"{Routes.Appraisals.One(cycle, guru)}/evaluation";
        (await rater.Post(evaluation, new { results = "DiAtasEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Baik", unrealisedJustification = "Laporan capaian diserahkan langsung ke dinas" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, kepalaDinas).Post($"{evaluation}/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await _auditor.Read<Page<TppBasisRow>>($"{Routes.Cycles.TppBasis(cycle)}?unit={school}");
        var stored = await Stored(cycle);
        var period = (new DateOnly(2026, 7, 1), periodEnd);
        var expected = new[]
        {
            Row(guru, "final", "Baik", stored[guru], ("plan-agreed", "plan_agreed"), ("evaluation-submitted", "evaluation_submitted"), ("evaluation-approved", "evaluation_approved")),
            Row(guru2, "not-final", null, stored[guru2], ("plan-agreed", "plan_agreed")),
            Row(kepalaSekolah, "excused", null, stored[kepalaSekolah], ("appraisal-excused", "appraisal_excused")),
        }.OrderBy(r => r.Nip, StringComparer.Ordinal).ToList();
        page.Items.Select(r => (r.Nip, r.UnitCode, r.CycleId, r.PeriodStart, r.PeriodEnd, r.Basis, r.Predikat?.ToString()))
            .Should().Equal(expected.Select(e => (e.Nip, school, cycle, period.Item1, period.Item2, e.Basis, e.Predikat)));
        foreach (var (row, want) in page.Items.Zip(expected))
        {
            row.Proof.Select(p => (p.Proves, p.Type, p.EventId, p.StreamId, p.Version, p.Sequence, p.Hash))
                .Should().Equal(want.Proof.Select(p => (p.Proves, p.Event.Type, p.Event.Id, p.Event.StreamId, p.Event.Version, p.Event.Sequence, (string?)p.Event.Hash)));
        }

        page.Items.Single(r => r.Nip == guru).FinalAt.Should().NotBeNull();
        page.Items.Single(r => r.Nip == guru).PredikatTableVersion.Should().NotBeNullOrEmpty();

        var csv = (await (await _auditor.GetAsync($"{Routes.Cycles.TppBasis(cycle)}?unit={school}&format=csv")).Content.ReadAsStringAsync()).Trim().Split("\r\n");
        csv[0].Should().Be(TppBasisEndpoints.CsvHeader);
        var guruRow = page.Items.Single(r => r.Nip == guru);
        var proof = stored[guru];
        string Cells(string type) => $"{proof[type].Id},{proof[type].Hash}";
        csv.Skip(1).Should().Equal(expected.Select(e => e.Nip == guru
            ? $"{guru},Pegawai {guru[^4..]},{school},{cycle},2026-07-01,{periodEnd:yyyy-MM-dd},final,Baik,{guruRow.PredikatTableVersion},{Wit.Show(guruRow.FinalAt!.Value)},"
                + $"{Cells("plan_agreed")},{Cells("evaluation_submitted")},{Cells("evaluation_approved")},,"
            : e.Nip == guru2
                ? $"{guru2},Pegawai {guru2[^4..]},{school},{cycle},2026-07-01,{periodEnd:yyyy-MM-dd},not-final,,,,{stored[guru2]["plan_agreed"].Id},{stored[guru2]["plan_agreed"].Hash},,,,,,"
                : $"{kepalaSekolah},Pegawai {kepalaSekolah[^4..]},{school},{cycle},2026-07-01,{periodEnd:yyyy-MM-dd},excused,,,,,,,,,,{stored[kepalaSekolah]["appraisal_excused"].Id},{stored[kepalaSekolah]["appraisal_excused"].Hash}"));

        var city = await _admin.Read<Page<TppBasisRow>>($"{Routes.Cycles.TppBasis(cycle)}?limit=2");
        city.Items.Should().HaveCount(2);
        var rest = await _admin.Read<Page<TppBasisRow>>($"{Routes.Cycles.TppBasis(cycle)}?limit=2&cursor={city.NextCursor}");
        city.Items.Concat(rest.Items).Select(r => r.Nip).Should().Equal(expected.Select(e => e.Nip));
        rest.NextCursor.Should().BeNull();
        await (await app.As(Roles.Employee, guru).GetAsync(Routes.Cycles.TppBasis(cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.GetAsync(Routes.Cycles.TppBasis(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
    }

    private static Expected Row(string nip, string basis, string? predikat, IReadOnlyDictionary<string, StoredEvent> events, params (string Proves, string Type)[] proof) =>
        new(nip, basis, predikat, [.. proof.Select(p => (p.Proves, events[p.Type]))]);

    /// <summary>Per NIP (as opened) and event type, the event's id and position and the seal stored with it: read from the tables, not the API.</summary>
    private async Task<Dictionary<string, Dictionary<string, StoredEvent>>> Stored(Guid cycle)
    {
        await using var session = app.Store.QuerySession();
        var opened = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "appraisal_opened").ToListAsync())
            .Select(e => (Kinerja.Domain.Appraisals.AppraisalOpened)e.Data).Where(o => o.CycleId == cycle).ToList();
        var result = new Dictionary<string, Dictionary<string, StoredEvent>>();
        foreach (var o in opened)
        {
            var events = await session.Events.FetchStreamAsync(o.AppraisalId);
            var seals = (await session.Query<EventSeal>().Where(s => s.StreamId == o.AppraisalId).ToListAsync()).ToDictionary(s => s.Version, s => s.Hash);
            result[o.Nip] = events.GroupBy(e => e.EventTypeName).ToDictionary(g => g.Key, g => g.Last() is var e
                ? new StoredEvent(e.EventTypeName, e.Id, e.StreamId, e.Version, e.Sequence, seals[e.Version])
                : null!);
        }

        return result;
    }

    private sealed record StoredEvent(string Type, Guid Id, Guid StreamId, long Version, long Sequence, string Hash);

    private sealed record Expected(string Nip, string Basis, string? Predikat, IReadOnlyList<(string Proves, StoredEvent Event)> Proof);
}
