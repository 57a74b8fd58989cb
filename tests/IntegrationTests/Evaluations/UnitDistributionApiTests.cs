using System.Net;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>A school of 20 (the kepala sekolah and 19 guru) through evaluation, approval, a distribution breach with its justification, and closure.</summary>
public sealed class UnitDistributionApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Rated(string results, string behaviour) => new { results, behaviour, justification = "Sesuai capaian SKP dan umpan balik" };

    [Fact]
    public async Task A_unit_of_20_is_evaluated_approved_flagged_outside_the_guidance_justified_and_closed_after_which_every_write_is_refused()
    {
        await _admin.EnsureUnit("DISDIK");
        var school = "SD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await _admin.Unit(school, parentCode: "DISDIK");
        var kepalaDinas = await _admin.Employee("DISDIK");
        var kepalaSekolah = await _admin.Employee(school, supervisorNip: kepalaDinas);
        var guru = new List<string>();
        for (var i = 0; i < 19; i++)
        {
            guru.Add(await _admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        (await (await _admin.Post($"/api/v1/cycles/{cycle}/appraisal-openings", new { })).Json())["opened"]!.GetValue<int>().Should().Be(20);
        var ks = app.As(Roles.Supervisor, kepalaSekolah);
        var kd = app.As(Roles.Supervisor, kepalaDinas);
        string Appraisal(string nip) => $"/api/v1/cycles/{cycle}/appraisals/{nip}";
        await ks.AgreedPlan(kd, Appraisal(kepalaSekolah));
        foreach (var nip in guru)
        {
            await app.As(Roles.Employee, nip).AgreedPlan(ks, Appraisal(nip));
        }

        (await _admin.Post($"/api/v1/cycles/{cycle}/evaluation", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kd.Post($"{Appraisal(kepalaSekolah)}/evaluation", Rated("DiAtasEkspektasi", "DiAtasEkspektasi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        // The kepala dinas has no superior in the registry: hr-admin approves in their place.
        (await _admin.Post($"{Appraisal(kepalaSekolah)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < guru.Count; i++)
        {
            var rating = i == 0 ? Rated("DiAtasEkspektasi", "DiAtasEkspektasi") : Rated("SesuaiEkspektasi", "SesuaiEkspektasi");
            (await ks.Post($"{Appraisal(guru[i])}/evaluation", rating)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await kd.Post($"{Appraisal(guru[i])}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var distributionUrl = $"/api/v1/cycles/{cycle}/units/{school}/distribution";
        (await _admin.Post($"/api/v1/cycles/{cycle}/units/{school}/result", new { result = "Baik" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var flagged = await (await _admin.GetAsync(distributionUrl)).Json();
        flagged["final"]!.GetValue<int>().Should().Be(20);
        flagged["counts"]!["SangatBaik"]!.GetValue<int>().Should().Be(2);
        flagged["counts"]!["Baik"]!.GetValue<int>().Should().Be(18);
        flagged["breaches"]!.AsArray().Select(b => b.Str()).Should().BeEquivalentTo("at most 70% Baik", "some Butuh Perbaikan or Kurang");
        flagged["justified"]!.GetValue<bool>().Should().BeFalse();

        var justified = await (await _admin.Post($"{distributionUrl}/justification", new { justification = "Sekolah penggerak; rapor pendidikan naik" })).Json();
        justified["justified"]!.GetValue<bool>().Should().BeTrue();
        justified["justifications"]![0]!["guidanceVersion"].Str().Should().Be("SE MenPANRB 03/2023");

        (await _admin.Post($"/api/v1/cycles/{cycle}/closure", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await app.EventCount();
        var writes = new (HttpClient Client, string Url, object Body)[]
        {
            (ks, $"{Appraisal(guru[1])}/evaluation", Rated("DiBawahEkspektasi", "SesuaiEkspektasi")),
            (kd, $"{Appraisal(guru[1])}/evaluation/approval", new { }),
            (kd, $"{Appraisal(guru[1])}/evaluation/return", new { comments = "Ulang" }),
            (_admin, $"{Appraisal(guru[1])}/excusal", new { reason = "Cuti" }),
            (_admin, $"/api/v1/cycles/{cycle}/units/{school}/result", new { result = "Istimewa" }),
            (_admin, $"{distributionUrl}/justification", new { justification = "Lagi" }),
        };
        foreach (var (client, url, body) in writes)
        {
            await (await client.Post(url, body)).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        }

        (await app.EventCount()).Should().Be(before);
        (await (await _admin.GetAsync(Appraisal(guru[1]))).Json())["evaluation"]!["predikat"].Str().Should().Be("Baik");
    }

    [Fact]
    public async Task A_unit_result_outside_the_five_is_400_a_justification_without_a_breach_is_409_and_employees_do_not_read_the_distribution()
    {
        await _admin.EnsureUnit("DISDIK");
        var unit = "SD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await _admin.Unit(unit, parentCode: "DISDIK");
        var employee = await _admin.Employee(unit);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        var before = await app.EventCount();

        await (await _admin.Post($"/api/v1/cycles/{cycle}/units/{unit}/result", new { result = "Luar Biasa" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        await (await _admin.Post($"/api/v1/cycles/{cycle}/units/{unit}/distribution/justification", new { justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unit-result-missing");
        (await app.EventCount()).Should().Be(before);

        (await _admin.Post($"/api/v1/cycles/{cycle}/units/{unit}/result", new { result = "Istimewa" })).StatusCode.Should().Be(HttpStatusCode.OK);
        before = await app.EventCount();
        (await _admin.Post($"/api/v1/cycles/{cycle}/units/{unit}/result", new { result = "Istimewa" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.Post($"/api/v1/cycles/{cycle}/units/{unit}/distribution/justification", new { justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "no-distribution-breach");
        await (await app.As(Roles.Employee, employee).GetAsync($"/api/v1/cycles/{cycle}/units/{unit}/distribution")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }
}
