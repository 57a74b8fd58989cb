using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Training;

/// <summary>Training grants and budgets in a few words, so each test states only what matters to it.</summary>
public static class TrainingGiven
{
    public const int Year = 2026;

    /// <param name="partner">A registered partner (<see cref="Partner"/>) that funds the grant; none: the unit's budget.</param>
    public static object Grant(string nip, int plannedJp = 24, long cost = 5_000_000, Guid? partner = null, string competency = "TEKNIS.GIZI") => new
    {
        nip,
        year = Year,
        program = "Pelatihan " + competency,
        provider = partner is null ? "Bapelkes Maluku" : "Mitra kerja sama",
        track = partner is null ? "PelatihanKlasikal" : "PelatihanNonKlasikal",
        competencyCodes = new[] { competency },
        plannedJp,
        cost,
        funding = new { source = partner is null ? "UnitBudget" : "Partner", partnerId = partner },
        reason = new
        {
            basis = "CompetencyGap",
            text = $"Level {competency} di bawah standar jabatan",
            references = new[] { new { kind = "Appraisal", id = "0193a5c2-7d1e-7000-8000-000000000001" } },
        },
    };

    public static async Task<string> PppkEmployee(this HttpClient client, string unitCode, string? supervisorNip = null)
    {
        var nip = Given.PppkNip();
        var response = await client.PostAsJsonAsync(Routes.Employees.All, new
        {
            nip,
            fullName = "PPPK " + nip[^4..],
            employmentType = "PPPK",
            unitCode,
            position = new { title = "Perawat Ahli Pertama", kind = "FungsionalKeahlian", level = "AhliPertama" },
            supervisorNip,
            startDate = "2024-03-01",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return nip;
    }

    /// <summary>Registers a training partner whose agreement runs through 2026 and 2027 with an offer no test here exhausts unless it asks to.</summary>
    public static async Task<Guid> Partner(
        this HttpClient client, string institution, int? seatsPerYear = 1000, int? jpPerYear = 10_000, string startsOn = "2026-01-01", string endsOn = "2027-12-31",
        params string[] competencies)
    {
        var response = await client.Post(Routes.TrainingPartners.All, PartnerTerms(institution, seatsPerYear, jpPerYear, startsOn, endsOn, competencies));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Answer<TrainingPartnerView>()).Id;
    }

    public static object PartnerTerms(string institution, int? seatsPerYear, int? jpPerYear, string startsOn, string endsOn, params string[] competencies) => new
    {
        institution,
        agreement = new { pksNumber = $"800/{institution.Length:000}/PKS-BKPSDM/2026", startsOn, endsOn },
        offer = new { seatsPerYear, jpPerYear, competencyCodes = competencies.Length > 0 ? competencies : ["TEKNIS.GIZI"] },
        value = 250_000_000,
    };

    public static async Task<Guid> RequestGrant(this HttpClient client, object body)
    {
        var response = await client.Post(Routes.TrainingGrants.All, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Answer<TrainingGrantView>()).Id;
    }

    public static async Task SetBudget(this HttpClient client, string unitCode, long allocated, int year = Year)
    {
        var response = await client.Post(Routes.Units.TrainingBudget(unitCode, year), new { allocated });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>For set-up that runs before every test of a class: the unit and its budget, once.</summary>
    public static async Task EnsureBudget(this HttpClient client, string unitCode, long allocated)
    {
        await client.EnsureUnit(unitCode);
        if ((await client.GetAsync(Routes.Units.TrainingBudget(unitCode, Year))).StatusCode == HttpStatusCode.NotFound)
        {
            await client.SetBudget(unitCode, allocated);
        }
    }

    /// <summary>Posts a grant action and expects it to succeed, returning the grant as it is afterwards.</summary>
    public static async Task<TrainingGrantView> Act(this HttpClient client, Guid grantId, string action, object? body = null)
    {
        var response = await client.Post($"{Routes.TrainingGrants.One(grantId)}/{action}", body ?? new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Answer<TrainingGrantView>();
    }

    public static Task<TrainingGrantView> Schedule(this HttpClient client, Guid grantId, string startsOn = "2026-05-04", string endsOn = "2026-05-08") =>
        client.Act(grantId, "schedule", new { startsOn, endsOn });

    public static long Long(this JsonNode? node, string name) => node![name]!.GetValue<long>();

    public static int Int(this JsonNode? node, string name) => node![name]!.GetValue<int>();
}
