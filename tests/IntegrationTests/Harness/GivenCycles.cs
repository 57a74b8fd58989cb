using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

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
        DateOnly? opensOn = null, DateOnly? closesOn = null, string? name = null)
    {
        var body = CycleBody(name ?? "Siklus " + Guid.NewGuid().ToString("N")[..8], start, end, units, opensOn, closesOn);
        var response = await client.PostAsJsonAsync("/api/v1/cycles", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse((await response.Json())["id"]!.GetValue<string>());
    }

    public static async Task<Guid> StartedCycle(this HttpClient client, DateOnly start, DateOnly end, string[]? units = null,
        DateOnly? opensOn = null, DateOnly? closesOn = null)
    {
        var id = await client.Cycle(start, end, units, opensOn, closesOn);
        (await client.Post($"/api/v1/cycles/{id}/start", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Reads until the condition holds or the deadline passes: for what the service does on its own (no fixed sleeps).</summary>
    public static async Task<JsonObject> Eventually(this HttpClient client, string url, Func<JsonObject, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var read = await (await client.GetAsync(url)).Json();
            if (condition(read) || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(100);
        }
    }

    public static string Str(this JsonNode? node) => node!.GetValue<string>();
}
