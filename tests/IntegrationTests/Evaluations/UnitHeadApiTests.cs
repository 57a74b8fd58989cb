using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>
/// PermenPANRB 6/2022 (ADR 084): the leader of the next-higher unit records a unit's result, and the unit head's rating hasil kerja
/// follows it. A dinas of its own (so its head is this test's kepala dinas), a school under it headed by the kepala sekolah.
/// </summary>
public sealed class UnitHeadApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Rated(string results, string behaviour = "SesuaiEkspektasi") => new { results, behaviour, justification = "Sesuai capaian organisasi" };

    private sealed record Dinas(string Unit, string School, string KepalaDinas, string KepalaSekolah, string Guru, Guid Cycle)
    {
        public string Result => $"{Routes.Cycles.Unit(Cycle, School)}/result";

        public string Distribution => $"{Routes.Cycles.Unit(Cycle, School)}/distribution";

        public string HeadAppraisal => Routes.Appraisals.One(Cycle, KepalaSekolah);
    }

    /// <summary>Heads assigned from January; the kepala sekolah's plan agreed with the kepala dinas; the cycle in evaluation.</summary>
    private async Task<Dinas> InEvaluation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var (unit, school) = ("DIN-" + suffix, "SMP-" + suffix);
        await _admin.Unit(unit);
        await _admin.Unit(school, parentCode: unit);
        var kepalaDinas = await _admin.Employee(unit);
        var kepalaSekolah = await _admin.Employee(school, supervisorNip: kepalaDinas);
        var guru = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        foreach (var (code, head) in new[] { (unit, kepalaDinas), (school, kepalaSekolah) })
        {
            (await _admin.Post(Routes.Units.HeadAssignments(code), new { headNip = head, effectiveOn = "2026-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        await _admin.Open(cycle, kepalaSekolah);
        var dinas = new Dinas(unit, school, kepalaDinas, kepalaSekolah, guru, cycle);
        await app.As(Roles.Supervisor, kepalaSekolah).AgreedPlan(KepalaDinas(dinas), dinas.HeadAppraisal);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        return dinas;
    }

    private HttpClient KepalaDinas(Dinas dinas) => app.As(Roles.Supervisor, dinas.KepalaDinas, name: "kadis");

    [Fact]
    public async Task The_head_of_the_next_higher_unit_records_a_units_result_and_hr_admin_only_on_their_behalf_with_a_reason()
    {
        var dinas = await InEvaluation();
        var before = await app.EventCount();

        await (await app.As(Roles.Supervisor, dinas.KepalaSekolah).Post(dinas.Result, new { result = "Istimewa" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, dinas.Guru).Post(dinas.Result, new { result = "Istimewa" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var noReason = await (await _admin.Post(dinas.Result, new { result = "Istimewa" })).ShouldBeProblem(HttpStatusCode.Conflict, "reason-required");
        noReason["detail"].Str().Should().Contain("X-Reason");
        (await app.EventCount()).Should().Be(before, "no refusal appends anything");

        (await KepalaDinas(dinas).Post(dinas.Result, new { result = "Kurang" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var byLeader = await (await _admin.GetAsync(dinas.Distribution)).Json();
        (byLeader["result"].Str(), byLeader["resultSource"]!["recordedBy"]!["nip"].Str(), byLeader["resultSource"]!["headNip"].Str(), byLeader["resultSource"]!["headResults"].Str())
            .Should().Be(("Kurang", dinas.KepalaDinas, dinas.KepalaSekolah, "DiBawahEkspektasi"));
        byLeader["resultSource"]!["reason"].Should().BeNull();

        (await _admin.Post(dinas.Result, new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas yang sedang dinas luar"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var onBehalf = await (await _admin.GetAsync(dinas.Distribution)).Json();
        (onBehalf["result"].Str(), onBehalf["resultSource"]!["reason"].Str(), onBehalf["resultSource"]!["headResults"].Str())
            .Should().Be(("Baik", "Atas nama Kepala Dinas yang sedang dinas luar", "SesuaiEkspektasi"));

        // The dinas itself has no next-higher unit: only hr-admin records its result, for the PPK.
        await (await KepalaDinas(dinas).Post($"{Routes.Cycles.Unit(dinas.Cycle, dinas.Unit)}/result", new { result = "Baik" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_unit_heads_results_rating_is_the_units_result_and_an_evaluation_or_a_later_result_contradicting_it_is_refused()
    {
        var dinas = await InEvaluation();
        var kd = KepalaDinas(dinas);
        var before = await app.EventCount();

        var missing = await (await kd.Post($"{dinas.HeadAppraisal}/evaluation", Rated("SesuaiEkspektasi"))).ShouldBeProblem(HttpStatusCode.Conflict, "unit-result-missing");
        missing["detail"].Str().Should().Contain(dinas.School);
        (await app.EventCount()).Should().Be(before);

        (await kd.Post(dinas.Result, new { result = "Kurang" })).StatusCode.Should().Be(HttpStatusCode.OK);
        before = await app.EventCount();
        var contradicting = await (await kd.Post($"{dinas.HeadAppraisal}/evaluation", Rated("DiAtasEkspektasi"))).ShouldBeProblem(HttpStatusCode.Conflict, "results-follow-unit-result");
        (contradicting["unitResult"].Str(), contradicting["expectedResults"].Str()).Should().Be(("Kurang", "DiBawahEkspektasi"));
        (await app.EventCount()).Should().Be(before);

        (await kd.Post($"{dinas.HeadAppraisal}/evaluation", Rated("DiBawahEkspektasi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluated = await (await _admin.GetAsync(dinas.HeadAppraisal)).Json();
        evaluated["evaluation"]!["predikat"].Str().Should().Be("ButuhPerbaikan");
        (evaluated["evaluation"]!["fromUnit"]!["unitCode"].Str(), evaluated["evaluation"]!["fromUnit"]!["result"].Str(), evaluated["evaluation"]!["fromUnit"]!["rule"].Str())
            .Should().Be((dinas.School, "Kurang", "PermenPANRB 6/2022, kinerja 2026.2"));

        before = await app.EventCount();
        var later = await (await kd.Post(dinas.Result, new { result = "Istimewa" })).ShouldBeProblem(HttpStatusCode.Conflict, "unit-head-evaluated");
        later["headNip"].Str().Should().Be(dinas.KepalaSekolah);
        (await app.EventCount()).Should().Be(before);
        (await kd.Post(dinas.Result, new { result = "SangatKurang" })).StatusCode.Should().Be(HttpStatusCode.OK, "Sangat Kurang gives the same rating hasil kerja");
    }
}
