using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>
/// Every route that takes an instant reads it with any offset: Z, WIT typed as is (its '+' arrives as a space), WIT
/// URL-encoded, WIB (+07:00) typed and encoded. Each is checked on both sides of a recorded instant, so an offset read
/// wrongly (or dropped) moves the answer. Answers show instants in WIT with milliseconds.
/// </summary>
public sealed class InstantQueryApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    public static TheoryData<string> Forms => ["Z", "+09:00 typed", "+09:00 encoded", "+07:00 typed", "+07:00 encoded"];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task As_of_reads_the_instant_in_every_offset_form(string form)
    {
        var (nip, registered) = await Registered();

        var after = await _auditor.GetAsync($"{Routes.Audit.AsOf(nip)}?at={Written(registered.AddMinutes(1), form)}");
        after.StatusCode.Should().Be(HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        var answer = await after.Json();
        answer["profile"]!["nip"]!.GetValue<string>().Should().Be(nip);
        answer["at"]!.GetValue<string>().Should().Be(Wit.Show(registered.AddMinutes(1)));

        var before = await _auditor.GetAsync($"{Routes.Audit.AsOf(nip)}?at={Written(registered.AddMinutes(-1), form)}");
        await before.ShouldBeProblem(HttpStatusCode.NotFound, "not-recorded-yet");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task History_reads_from_and_to_in_every_offset_form(string form)
    {
        var (nip, registered) = await Registered();

        (await History(nip, $"from={Written(registered.AddSeconds(-1), form)}&to={Written(registered.AddSeconds(1), form)}")).Should().Equal("employee_registered");
        (await History(nip, $"from={Written(registered.AddSeconds(1), form)}")).Should().BeEmpty();
        (await History(nip, $"to={Written(registered.AddSeconds(-1), form)}")).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Digests_read_before_in_every_offset_form(string form)
    {
        var digest = await app.As(Roles.Auditor).Eventually<JsonObject>(Routes.Audit.Digests, page => page["items"]!.AsArray().Count > 0);
        var first = digest["items"]!.AsArray()[^1]!;
        var recorded = DateTimeOffset.Parse(first["recordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        (await Digests($"before={Written(recorded.AddMinutes(1), form)}")).Should().Contain(first["id"]!.GetValue<string>());
        (await Digests($"before={Written(recorded.AddMinutes(-1), form)}")).Should().NotContain(first["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instant_without_an_offset_is_refused_instead_of_read_in_the_servers_zone()
    {
        var (nip, _) = await Registered();

        (await _auditor.GetAsync($"{Routes.Audit.AsOf(nip)}?at=2026-03-01T10:00:00")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _auditor.GetAsync($"{Routes.Audit.History(nip)}?from=2026-03-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_readme_example_works_as_typed_and_every_instant_in_the_answer_is_WIT_with_milliseconds()
    {
        var (nip, _) = await Registered();

        var response = await _auditor.GetAsync($"{Routes.Audit.AsOf(nip)}?at=2099-12-31T23:59:59+09:00");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Json())["at"]!.GetValue<string>().Should().Be("2099-12-31T23:59:59.000+09:00");
        var history = await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json();
        history["items"]![0]!["recordedAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$");
        var employee = await (await _admin.GetAsync(Routes.Employees.One(nip))).Content.ReadAsStringAsync();
        employee.Should().NotMatchRegex(@"\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)\""", "no instant is shown in UTC");

        var openApi = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json();
        var at = openApi["paths"]!["/api/v1/audit/employees/{nip}/as-of"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "at")!;
        at["schema"]?["format"]?.GetValue<string>().Should().Be("date-time", at.ToJsonString());
    }

    /// <summary>A new employee and the instant their registration was committed, as the audit shows it.</summary>
    private async Task<(string Nip, DateTimeOffset Registered)> Registered()
    {
        await _admin.EnsureUnit("DISDIK");
        var nip = await _admin.Employee("DISDIK");
        var history = await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json();
        return (nip, DateTimeOffset.Parse(history["items"]![0]!["recordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    private async Task<List<string>> History(string nip, string query)
    {
        var response = await _auditor.GetAsync($"{Routes.Audit.History(nip)}?{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Json())["items"]!.AsArray().Select(i => i!["type"]!.GetValue<string>())];
    }

    private async Task<List<string>> Digests(string query)
    {
        var response = await _auditor.GetAsync($"{Routes.Audit.Digests}?{query}&limit=100");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Json())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
    }

    /// <summary>The instant as a client would put it in a query string, in one of the offset forms.</summary>
    private static string Written(DateTimeOffset at, string form)
    {
        var (offset, encoded) = form switch
        {
            "Z" => (TimeSpan.Zero, false),
            "+09:00 typed" => (TimeSpan.FromHours(9), false),
            "+09:00 encoded" => (TimeSpan.FromHours(9), true),
            "+07:00 typed" => (TimeSpan.FromHours(7), false),
            _ => (TimeSpan.FromHours(7), true),
        };
        var text = offset == TimeSpan.Zero
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return encoded ? Uri.EscapeDataString(text) : text;
    }
}
