using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.ListingAppraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>Cycles and appraisals in a few words, so each test states only what matters to it.</summary>
public static class GivenCycles
{
    public static object CycleBody(
        string name, DateOnly start, DateOnly end, string[]? units = null, DateOnly? opensOn = null, DateOnly? closesOn = null, string kind = "Semester") => new
    {
        name,
        kind,
        periodStart = start,
        periodEnd = end,
        scope = units is null ? new { allUnits = true, unitCodes = (string[]?)null } : new { allUnits = false, unitCodes = (string[]?)units },
        feedbackWindow = new { opensOn = opensOn ?? start, closesOn = closesOn ?? end.AddDays(15) },
    };

    public static async Task<Guid> Cycle(this HttpClient client, DateOnly start, DateOnly end, string[]? units = null,
        DateOnly? opensOn = null, DateOnly? closesOn = null, string? name = null, string kind = "Semester")
    {
        var body = CycleBody(name ?? "Siklus " + Guid.NewGuid().ToString("N")[..8], start, end, units, opensOn, closesOn, kind);
        var response = await client.PostAsJsonAsync(Routes.Cycles.All, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Answer<CycleDetails>()).Id;
    }

    public static async Task<Guid> StartedCycle(this HttpClient client, DateOnly start, DateOnly end, string[]? units = null,
        DateOnly? opensOn = null, DateOnly? closesOn = null, string kind = "Semester")
    {
        var id = await client.Cycle(start, end, units, opensOn, closesOn, kind: kind);
        (await client.Post(Routes.Cycles.Start(id), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    /// <summary>An SKP draft: one Utama RHK with a Kuantitas indicator (target <paramref name="target"/> dokumen), optionally supporting the rater's row.</summary>
    public static object PlanBody(decimal target = 12, string? supports = null, string aspect = "Kuantitas") => new
    {
        rows = new object[]
        {
            new
            {
                key = "R1", kind = "Utama", rhk = "Terlaksananya pembelajaran yang berpusat pada murid", supports,
                indicators = new[] { new { key = "R1.1", aspect, iki = "Jumlah perangkat ajar yang disusun", target = new { value = target, unit = "dokumen" } } },
            },
        },
        expectations = new Dictionary<string, string> { ["BerorientasiPelayanan"] = "Melayani orang tua murid dengan ramah" },
    };

    /// <summary>A new school (a sub-unit of DISDIK) with its chain of superiors: kepala dinas → kepala sekolah → guru.</summary>
    public static async Task<SchoolStaff> School(this HttpClient admin)
    {
        await admin.EnsureUnit("DISDIK");
        var school = "SD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await admin.Unit(school, parentCode: "DISDIK");
        var kepalaDinas = await admin.Employee("DISDIK");
        var kepalaSekolah = await admin.Employee(school, supervisorNip: kepalaDinas);
        var guru = await admin.Employee(school, supervisorNip: kepalaSekolah);
        return new SchoolStaff(school, kepalaDinas, kepalaSekolah, guru);
    }

    public static async Task Open(this HttpClient admin, Guid cycleId, string nip)
    {
        var response = await admin.Post(Routes.Cycles.Appraisals(cycleId), new { nip });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Drafted and submitted by the ratee, agreed by the rater: the plan's agreed version.</summary>
    public static async Task<int> AgreedPlan(this HttpClient ratee, HttpClient rater, string appraisal, object? plan = null)
    {
        (await ratee.Post($"{appraisal}/plan/drafts", plan ?? PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        var version = (await (await ratee.Post($"{appraisal}/plan/submission", new { })).Answer<PlanView>()).Version;
        var agreed = await rater.Post($"{appraisal}/plan/agreement", new { version });
        agreed.StatusCode.Should().Be(HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
        return version;
    }

    /// <summary>Excuses every appraisal of the cycle not final yet, for tests about something other than evaluation that need the cycle closed.</summary>
    public static async Task ExcuseAll(this HttpClient admin, Guid cycleId)
    {
        var list = await admin.Read<Page<AppraisalListItem>>($"{Routes.Cycles.Appraisals(cycleId)}?limit=100");
        foreach (var item in list.Items)
        {
            var excused = await admin.Post($"{Routes.Appraisals.One(cycleId, item.Nip)}/excusal", new { reason = "Tidak dinilai dalam uji ini" });
            var body = await excused.Content.ReadAsStringAsync();
            if (excused.StatusCode == HttpStatusCode.Conflict && body.Contains("\"evaluation-final\"", StringComparison.Ordinal))
            {
                continue;
            }

            excused.StatusCode.Should().Be(HttpStatusCode.OK, body);
        }
    }

    /// <summary>Reads until the condition holds or the deadline passes: for what the service does on its own (no fixed sleeps).</summary>
    public static async Task<T> Eventually<T>(this HttpClient client, string url, Func<T, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var read = await client.Read<T>(url);
            if (condition(read) || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(100);
        }
    }

    public static string Str(this JsonNode? node) => node!.GetValue<string>();
}

public sealed record SchoolStaff(string Unit, string KepalaDinas, string KepalaSekolah, string Guru);
