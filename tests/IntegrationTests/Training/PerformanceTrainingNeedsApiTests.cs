using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Talent;

namespace Kinerja.IntegrationTests.Training;

/// <summary>
/// The performance gap analysis: guru 1 of <see cref="GivenTwoSemesters"/> is weak in Kolaboratif in Semester II (supervisor 2,
/// below the floor and the unit's lower quartile); once that evaluation is final it is a training need a grant can cite.
/// </summary>
public sealed class PerformanceTrainingNeedsApiTests(GivenTwoSemesters school) : IClassFixture<GivenTwoSemesters>
{
    private readonly HttpClient _admin = school.As(Roles.HrAdmin);

    private static object Citing(string nip, string kind, string id, Guid partner) => new
    {
        nip,
        year = TrainingGiven.Year,
        program = "Pelatihan kolaborasi guru",
        provider = "LPMP Maluku",
        track = "PelatihanNonKlasikal",
        competencyCodes = new[] { "MANAJERIAL.KERJASAMA" },
        plannedJp = 16,
        cost = 2_500_000,
        funding = new { source = "Partner", partnerId = partner },
        reason = new { basis = "PerformanceGap", text = "Kolaboratif di bawah harapan pada Semester II", references = new[] { new { kind, id } } },
    };

    private async Task<int> GrantsOf(string nip) =>
        (await (await _admin.GetAsync($"{Routes.TrainingGrants.All}?employee={nip}&limit=100")).Json())["items"]!.AsArray().Count;

    [Fact]
    public async Task A_weakness_of_the_final_appraisal_becomes_a_need_with_its_evidence_and_a_grant_citing_it_addresses_it()
    {
        var guru = school.Guru[0];
        var appraisal = Routes.Appraisals.One(school.Second, guru);
        (await (await _admin.GetAsync(Routes.Employees.TrainingNeeds(guru))).Json())["performanceNeeds"]!.AsArray()
            .Should().BeEmpty("Semester II is not final yet and Semester I was never evaluated");
        (await _admin.Post(Routes.Cycles.Evaluation(school.Second), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluated = await school.As(Roles.Supervisor, school.Staff.KepalaSekolah).Post($"{appraisal}/evaluation",
            new { results = "SesuaiEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Sesuai bukti kinerja semester" });
        evaluated.StatusCode.Should().Be(HttpStatusCode.OK, await evaluated.Content.ReadAsStringAsync());
        (await school.As(Roles.Supervisor, school.Staff.KepalaDinas).Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var needs = await (await _admin.GetAsync(Routes.Employees.TrainingNeeds(guru))).Json();

        var need = needs["performanceNeeds"]!.AsArray().Should().ContainSingle().Subject!;
        var id = $"{school.Second:N}:value:Kolaboratif";
        (need["id"].Str(), need["kind"].Str(), need["subject"].Str(), need["figure"]!.GetValue<decimal>()).Should().Be((id, "Value", "Kolaboratif", 2m));
        need["cycleId"]!.GetValue<Guid>().Should().Be(school.Second);
        need["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("below-weakness-floor", "below-unit-lower-quartile");
        need["value"]!["sources"]![0]!["source"].Str().Should().Be("Supervisor");
        need["unit"]!["employees"]!.GetValue<int>().Should().Be(5);
        need["addressedBy"]!.AsArray().Should().BeEmpty();

        var grant = await _admin.RequestGrant(Citing(guru, "Weakness", id, await _admin.Partner("Universitas Pattimura")));
        var byNeed = await _admin.RequestGrant(Citing(guru, "TrainingNeed", "MANAJERIAL.INTEGRITAS", await _admin.Partner("Universitas Pattimura")));

        var after = await (await _admin.GetAsync(Routes.Employees.TrainingNeeds(guru))).Json();
        after["performanceNeeds"]![0]!["addressedBy"]!.AsArray().Select(g => g!.GetValue<Guid>()).Should().Equal(grant);
        byNeed.Should().NotBe(grant);
    }

    [Theory]
    [InlineData("Weakness", "0193a5c2-7d1e-7000-8000-000000000001:value:Kolaboratif")]
    [InlineData("TrainingNeed", "TEKNIS.PEMBELAJARAN")]
    [InlineData("SupportFlag", "0193a5c2-7d1e-7000-8000-000000000001")]
    public async Task A_grant_citing_a_weakness_need_or_support_plan_the_employee_does_not_have_is_refused_and_nothing_is_stored(string kind, string id)
    {
        var guru = school.Guru[1];
        var before = await GrantsOf(guru);

        var refused = await _admin.Post(Routes.TrainingGrants.All, Citing(guru, kind, id, await _admin.Partner("Universitas Pattimura")));

        var problem = await refused.ShouldBeProblem(HttpStatusCode.Conflict, "grant-reference-unknown");
        (problem["referenceKind"].Str(), problem["referenceId"].Str()).Should().Be((kind, id));
        (await GrantsOf(guru)).Should().Be(before);
    }
}
