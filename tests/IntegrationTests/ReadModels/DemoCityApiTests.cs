using System.Globalization;
using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Kinerja.Tools.Generating;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.ReadModels;

/// <summary>A demo city large enough to have every profession (400 ASN, seed 22), generated once for the class.</summary>
public sealed class DemoCityApp : KinerjaApp, IAsyncLifetime
{
    public CitySummary City { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        City = await new CityGenerator(Services.GetRequiredService<IServiceScopeFactory>()).Generate(400, 22, CancellationToken.None);
    }
}

/// <summary>What a newcomer judges the product by: a demo city plausible for each position, and honest in the audit.</summary>
public sealed class DemoCityApiTests(DemoCityApp app) : IClassFixture<DemoCityApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task Titles_degrees_and_genders_fit_each_position_and_the_kecamatan_are_named_as_in_Ambon()
    {
        var people = new List<(string Nip, string Name, string Unit, string Title)>();
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync($"{Routes.Employees.All}?limit=500{(cursor is null ? "" : "&cursor=" + cursor)}")).Json();
            people.AddRange(page["items"]!.AsArray().Select(p => (p!["nip"].Str(), p["fullName"].Str(), p["unitCode"].Str(), p["positionTitle"].Str())));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        people.Should().HaveCount(400);

        Func<(string Nip, string Name, string Unit, string Title), bool> female = p => p.Nip[14] == '2';
        Func<(string Nip, string Name, string Unit, string Title), bool> health = p => p.Unit == "DINKES" || p.Unit.StartsWith("PKM-", StringComparison.Ordinal);
        Func<(string Nip, string Name, string Unit, string Title), bool> education =
            p => p.Unit == "DISDIK" || p.Unit.StartsWith("SDN-", StringComparison.Ordinal) || p.Unit.StartsWith("SMPN-", StringComparison.Ordinal);
        people.Where(p => p.Title == "Bidan").Should().NotBeEmpty("a city of 400 has puskesmas staffed mostly by bidan and perawat");
        people.Where(p => p.Title != "Bidan").Select(female).Distinct().Should().HaveCount(2, "no other profession implies a gender");
        people.Should().Contain(p => p.Title == "Apoteker").And.Contain(p => p.Title.StartsWith("Guru", StringComparison.Ordinal));
        (string Rule, Func<(string Nip, string Name, string Unit, string Title), bool> Broken)[] rules =
        [
            ("a bidan is a woman with a midwifery degree", p => p.Title == "Bidan" && !(female(p) && p.Name.Contains("Keb.", StringComparison.Ordinal))),
            ("an apoteker is S.Farm., Apt.", p => p.Title == "Apoteker" && !p.Name.EndsWith(", S.Farm., Apt.", StringComparison.Ordinal)),
            ("a dokter is dr.", p => p.Title == "Dokter" && !p.Name.StartsWith("dr. ", StringComparison.Ordinal)),
            ("a perawat has a nursing degree", p => p.Title == "Perawat" && !p.Name.Contains("Kep.", StringComparison.Ordinal)),
            ("a guru has an education degree", p => p.Title.StartsWith("Guru", StringComparison.Ordinal) && !p.Name.Contains("S.Pd.", StringComparison.Ordinal)),
            ("an education degree works in education", p => p.Name.Contains(".Pd.", StringComparison.Ordinal) && !education(p)),
            ("a health degree works in health", p => (p.Name.StartsWith("dr. ", StringComparison.Ordinal) || p.Name.Contains("Kes.", StringComparison.Ordinal)
                || p.Name.Contains("S.KM.", StringComparison.Ordinal)) && !health(p)),
            ("a health office or puskesmas head is a doctor or a public-health graduate",
                p => (p.Title.StartsWith("Kepala Dinas Kesehatan", StringComparison.Ordinal) || p.Title.StartsWith("Kepala Puskesmas", StringComparison.Ordinal))
                    && !(p.Name.StartsWith("dr. ", StringComparison.Ordinal) || p.Name.Contains("S.KM.", StringComparison.Ordinal))),
        ];
        rules.SelectMany(r => people.Where(r.Broken).Select(p => $"{r.Rule}: {p.Title} {p.Name} ({p.Unit})")).Should().BeEmpty();

        (await (await _admin.GetAsync(Routes.Units.One("KEC-BAGUALA"))).Json())["name"].Str().Should().Be("Kecamatan Teluk Ambon Baguala");
    }

    [Fact]
    public async Task Targets_are_ones_a_rater_would_agree_to_and_every_appraisal_happens_in_order()
    {
        await using var session = app.Store.QuerySession();
        var targets = await session.QueryAsync<string>(
            $"select t->>'unit' || ' ' || (t->>'value') from {app.Schema}.mt_events, jsonb_path_query(data, '$.plan.rows[*].indicators[*].target') t where type = 'plan_drafted'");
        targets.Should().NotBeEmpty();
        var parsed = targets.Select(t => (Unit: t[..t.LastIndexOf(' ')], Value: decimal.Parse(t[(t.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))).ToList();
        parsed.Where(t => t.Unit == "%").Should().OnlyContain(t => t.Value <= 100);
        parsed.Where(t => t.Unit == "bulan").Should().OnlyContain(t => t.Value <= 12);
        parsed.Where(t => t.Unit == "semester").Should().OnlyContain(t => t.Value <= 2);

        var backwards = await session.QueryAsync<string>(
            $"select type || ' v' || version from (select type, version, timestamp < lag(timestamp) over (partition by stream_id order by version) as back " +
            $"from {app.Schema}.mt_events where stream_id in (select stream_id from {app.Schema}.mt_events where type = 'appraisal_opened')) e where back");
        backwards.Should().BeEmpty("a plan is never returned before it was submitted, nor anything recorded before what came before it");
        var offTime = await session.QueryAsync<int>(
            $"select count(*)::int from {app.Schema}.mt_events where type = 'evaluation_approved' and timestamp <> (data->>'approvedAt')::timestamptz");
        offTime.Single().Should().Be(0, "a seeded event is recorded at the instant it happened in the story");
    }

    [Fact]
    public async Task The_late_entries_and_separation_of_duties_reports_hold_no_generator_noise()
    {
        var late = await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?limit=20")).Json();
        late["items"]!.AsArray().Select(i => $"{i!["type"].Str()} {i["recordedAt"].Str()}").Should().BeEmpty();

        var duties = await (await _auditor.GetAsync(Routes.Audit.SeparationOfDuties(app.City.ClosedCycleId))).Json();
        duties["items"]!.AsArray().Select(i => $"{i!["kind"].Str()} {i["rateeNip"].Str()} by {i["actedBy"].Str()}").Should().BeEmpty();
    }

    [Fact]
    public async Task As_of_answers_for_any_date_of_the_story_and_the_ranking_csv_of_the_closed_year_is_whole()
    {
        async Task<System.Text.Json.Nodes.JsonObject> AsOf(string utc)
        {
            var response = await _auditor.GetAsync($"{Routes.Audit.AsOf(app.City.SampleNip)}?at={utc}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.Json();
        }

        (await AsOf("2024-12-20T03:00:00Z"))["appraisals"]!.AsArray().Should().BeEmpty("the registry went live in December 2024; no cycle ran yet");
        var midYear = (await AsOf("2025-06-30T03:00:00Z"))["appraisals"]!.AsArray().Single()!;
        (midYear["planStatus"].Str(), midYear["evaluation"]).Should().Be(("Agreed", null));
        var closed = (await AsOf("2026-03-01T03:00:00Z"))["appraisals"]!.AsArray().Single(a => a!["cycleId"]!.GetValue<Guid>() == app.City.ClosedCycleId)!;
        closed["evaluation"]!["status"].Str().Should().Be("Approved");

        var ranking = await (await _admin.GetAsync(Routes.Cycles.Ranking(app.City.ClosedCycleId))).Json();
        var ranked = ranking["ranked"]!.GetValue<int>();
        ranked.Should().BeGreaterThan(Paging.DefaultLimit, "the city ranks more than one page");
        var csv = await (await _admin.GetAsync($"{Routes.Cycles.Ranking(app.City.ClosedCycleId)}?format=csv")).Content.ReadAsStringAsync();
        csv.TrimEnd('\n').TrimEnd('\r').Split("\r\n").Should().HaveCount(ranked + 1, "an export without a limit is whole");
    }

    [Fact]
    public async Task The_ranking_tally_of_every_cycle_and_unit_equals_a_count_of_the_standings()
    {
        await using var session = app.Store.QuerySession();
        var counted = $"select cycle_id, unit_code, coalesce(rank_class, -1), count(*)::int from {app.Schema}.mt_doc_appraisalstanding group by 1, 2, 3";
        var kept = $"select cycle_id, unit_code, rank_class, appraisals from {app.Schema}.kinerja_ranking_tally where appraisals <> 0";
        var differing = await session.QueryAsync<string>(
            $"select concat_ws(' ', d.*) from ((({counted}) except ({kept})) union all (({kept}) except ({counted}))) d");
        differing.Should().BeEmpty("the tally is kept with every standing the city's story wrote (docs/decisions/166)");
        var ranked = await session.QueryAsync<string>(
            $"select distinct unit_code from {app.Schema}.kinerja_ranking_tally where cycle_id = ? and rank_class >= 0 and appraisals > 0", app.City.ClosedCycleId);
        ranked.Should().HaveCountGreaterThan(5, "finals in many units of the closed cycle are counted");
    }
}
