using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>Valid NIPs and request bodies, so each test states only what matters to it.</summary>
public static class Given
{
    private static int _sequence;

    /// <summary>A valid, unique PNS NIP: birth date, TMT CPNS after it, gender 1 or 2, sequence 001-999.</summary>
    public static string PnsNip()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1970, 1, 1).AddDays(n % 9000);
        return $"{birth:yyyyMMdd}{birth.Year + 25}{(n % 12) + 1:00}{(n % 2) + 1}{(n % 999) + 1:000}";
    }

    /// <summary>A valid, unique NI PPPK: birth date, appointment year, then digits.</summary>
    public static string PppkNip()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1985, 1, 1).AddDays(n % 5000);
        return $"{birth:yyyyMMdd}2023{n % 1000000:000000}";
    }

    public static object EmployeeBody(string nip, string unitCode, string? supervisorNip = null, string startDate = "2020-01-02") => new
    {
        nip,
        fullName = "Pegawai " + nip[^4..],
        employmentType = "PNS",
        unitCode,
        position = new { title = "Guru Ahli Muda", kind = "FungsionalKeahlian", level = "AhliMuda" },
        golongan = "III/c",
        supervisorNip,
        startDate,
    };

    public static object TransferBody(string unitCode) => new
    {
        unitCode,
        position = new { title = "Analis Kebijakan", kind = "FungsionalKeahlian", level = "AhliMuda" },
        golongan = "III/d",
        effectiveOn = "2025-01-02",
    };

    public static async Task Unit(this HttpClient client, string code, string? parentCode = null)
    {
        var response = await client.PostAsJsonAsync(Routes.Units.All, new { code, name = "Unit " + code, parentCode });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A unit of the caller's own, for tests whose cycles must not meet another test's (one cycle of a kind per unit and period).</summary>
    public static async Task<string> NewUnit(this HttpClient client, string? parentCode = null)
    {
        var code = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await client.Unit(code, parentCode);
        return code;
    }

    /// <summary>For set-up that runs before every test of a class (xunit makes a class instance per test).</summary>
    public static async Task EnsureUnit(this HttpClient client, string code)
    {
        if ((await client.GetAsync(Routes.Units.One(code))).StatusCode == HttpStatusCode.NotFound)
        {
            await client.Unit(code);
        }
    }

    public static async Task<string> Employee(this HttpClient client, string unitCode, string? supervisorNip = null, string startDate = "2020-01-02")
    {
        var nip = PnsNip();
        var response = await client.PostAsJsonAsync(Routes.Employees.All, EmployeeBody(nip, unitCode, supervisorNip, startDate));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return nip;
    }

    public static async Task<JsonObject> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code.</summary>
    public static async Task<JsonObject> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["code"]!.GetValue<string>().Should().Be(code, body);
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        body.Should().NotContainAny("Exception", "Kinerja.", "select ", "   at ");
        return problem;
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
