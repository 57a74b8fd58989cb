using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Training;

/// <summary>Training grants and budgets in a few words, so each test states only what matters to it.</summary>
public static class TrainingGiven
{
    public const int Year = 2026;

    public static object Grant(string nip, int plannedJp = 24, long cost = 5_000_000, string? partner = null, string competency = "TEKNIS.GIZI") => new
    {
        nip,
        year = Year,
        program = "Pelatihan " + competency,
        provider = partner ?? "Bapelkes Maluku",
        track = partner is null ? "PelatihanKlasikal" : "PelatihanNonKlasikal",
        competencyCodes = new[] { competency },
        plannedJp,
        cost,
        funding = new { source = partner is null ? "UnitBudget" : "Partner", partner },
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
