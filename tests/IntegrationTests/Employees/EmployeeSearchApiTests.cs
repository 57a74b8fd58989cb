using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

/// <summary>
/// The registry search (<c>?q=</c>) reads narrow rows kept by triggers on the profiles' table, with the name and title lowered by
/// PostgreSQL (docs/decisions/175): it must find what ILIKE on the profiles found (any case, accented letters too, <c>%</c> and <c>_</c>
/// taken literally), page and order the same way in every filter, and the rows must follow every write of a profile.
/// </summary>
public sealed class EmployeeSearchApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static List<string> Nips(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["nip"].Str())];

    private async Task<string> Person(string unit, string fullName, string title, string? supervisorNip = null)
    {
        var nip = Given.PnsNip();
        var response = await _admin.PostAsJsonAsync(Routes.Employees.All, new
        {
            nip, fullName, employmentType = "PNS", unitCode = unit,
            position = new { title, kind = "FungsionalKeahlian", level = "AhliMuda" }, golongan = "III/c", supervisorNip, startDate = "2020-01-02",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return nip;
    }

    private async Task<List<string>> Find(string query, HttpClient? caller = null) =>
        Nips(await (await (caller ?? _admin).GetAsync($"{Routes.Employees.All}?{query}")).Json());

    /// <summary>Every page of the list from the first, following the cursor.</summary>
    private async Task<List<string>> AllPages(string query)
    {
        var nips = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync($"{Routes.Employees.All}?{query}{(cursor is null ? "" : "&cursor=" + cursor)}")).Json();
            nips.AddRange(Nips(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return nips;
    }

    [Fact]
    public async Task The_search_finds_any_case_and_accents_takes_wildcards_literally_and_pages_like_the_list_in_every_filter()
    {
        var office = await _admin.NewUnit();
        var school = await _admin.NewUnit(office);
        var elisabeth = await Person(office, "Ëlisabeth Pattinama", "Analis Kepegawaian");
        var maria = await Person(school, "Maria Lewerissa", "Guru Ahli Muda");
        var budi = await Person(school, "Budi_Santoso 100%", "Pranata Komputer");
        var tree = $"unit={office}&includeSubUnits=true";

        (await Find($"{tree}&q=ËLISABETH")).Should().Equal(elisabeth);
        (await Find($"{tree}&q=ëlisabeth")).Should().Equal(elisabeth);
        (await Find($"{tree}&q=_")).Should().Equal(budi);
        (await Find($"{tree}&q=%25")).Should().Equal(budi);
        (await Find($"{tree}&q=I_s")).Should().Equal(budi);
        (await Find($"{tree}&q=ahli")).Should().Equal(maria);
        (await Find($"unit={school}&q=AHLI")).Should().Equal(maria);
        (await Find($"unit={office}&q=ahli")).Should().BeEmpty();
        (await Find($"{tree}&q={maria[..14]}")).Should().Equal(maria);

        // Everyone of the subtree has an "a": the search's pages are the list's, by NIP and by name.
        (await AllPages($"{tree}&q=A&limit=2")).Should().Equal(await AllPages($"{tree}&limit=2")).And.HaveCount(3);
        (await AllPages($"{tree}&q=a&order=Name&limit=1")).Should().Equal(await AllPages($"{tree}&order=Name&limit=1")).And.HaveCount(3);

        // Registry-wide, and a supervisor's own staff.
        var yakobus = await Person(school, "Yakobus Pattinama", "Analis Kepegawaian", supervisorNip: elisabeth);
        (await AllPages("q=pattinama&limit=1")).Should().Equal(new[] { elisabeth, yakobus }.Order(StringComparer.Ordinal));
        (await Find("q=PATTINAMA", app.As(Roles.Supervisor, elisabeth))).Should().Equal(yakobus);
        (await Find("q=lewerissa", app.As(Roles.Supervisor, elisabeth))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_search_rows_follow_registration_transfer_NIP_correction_and_deletion_of_the_profiles()
    {
        var unit = await _admin.NewUnit();
        var other = await _admin.NewUnit();
        var nip = await Person(unit, "Sitti Rehatta", "Analis Kepegawaian");
        await Person(unit, "Johanis Latuheru", "Guru Ahli Muda");
        (await Differences()).Should().Be(0);

        (await _admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody(other))).StatusCode.Should().Be(HttpStatusCode.OK);
        var newNip = Given.PnsNip();
        (await _admin.Post(Routes.Employees.NipCorrections(nip), new { newNip, reason = "Salah ketik pada SK" })).EnsureSuccessStatusCode();
        (await Differences()).Should().Be(0);
        (await Find($"unit={other}&q=kebijakan")).Should().Equal(newNip);
        (await Find($"q={newNip[..16]}")).Should().Equal(newNip);

        await TestDatabase.Execute($"delete from {app.Schema}.mt_doc_employeeprofile where data ->> 'nip' = '{newNip}'");
        (await Differences()).Should().Be(0);
        (await TestDatabase.Scalar($"select count(*) from {app.Schema}.kinerja_employee_search where nip = '{newNip}'")).Should().Be(0L);
    }

    /// <summary>Rows that differ between the kept table and what the profiles give, either way.</summary>
    private async Task<long> Differences()
    {
        var kept = $"select id, nip, name, title, full_name, unit_code from {app.Schema}.kinerja_employee_search";
        var profiles = $"""
            select id, data ->> 'nip', lower(data ->> 'fullName'), lower(data ->> 'latestPositionTitle'), data ->> 'fullName',
              data ->> 'latestUnitCode' from {app.Schema}.mt_doc_employeeprofile
            """;
        return (long)(await TestDatabase.Scalar($"select count(*) from (({kept} except {profiles}) union all ({profiles} except {kept})) d"))!;
    }
}
