using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Training;

using Kinerja.Domain;

namespace Kinerja.IntegrationTests.Audit;

public sealed class EmployeeAuditApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin, name: "sari.bkpsdm");
    private readonly HttpClient _auditor = app.As(Roles.Auditor, name: "inspektorat-1");

    public async Task InitializeAsync()
    {
        await _admin.EnsureUnit("DISDIK");
        await _admin.EnsureUnit("DINKES");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_history_lists_every_event_in_commit_order_with_who_why_and_the_back_dated_transfer_marked()
    {
        var nip = await _admin.Employee("DISDIK", startDate: "2019-01-02");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2026-01-02"), headers: [("X-Reason", "SK mutasi 821/45")]);
        await _admin.Post(Routes.Employees.CompetencyAssessments(nip),
            new { competencies = new[] { new { code = "TEKNIS.K3", level = 3 } }, potential = "Menengah", assessedOn = "2026-03-01", assessedBy = "UPT" });

        var history = await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json();
        var items = history["items"]!.AsArray();
        items.Select(i => i!["type"]!.GetValue<string>()).Should().Equal("employee_registered", "employee_transferred", "competency_assessed");
        items.Select(i => i!["sequence"]!.GetValue<long>()).Should().BeInAscendingOrder();
        items.Select(i => i!["version"]!.GetValue<long>()).Should().Equal(1, 2, 3);

        var transfer = items[1]!;
        transfer["userName"]!.GetValue<string>().Should().Be("sari.bkpsdm");
        transfer["role"]!.GetValue<string>().Should().Be(Roles.HrAdmin);
        transfer["reason"]!.GetValue<string>().Should().Be("SK mutasi 821/45");
        transfer["causationId"]!.GetValue<string>().Should().StartWith("TransferEmployee/");
        transfer["effectiveOn"]!.GetValue<string>().Should().Be("2026-01-02");
        transfer["daysBackDated"]!.GetValue<int>().Should().BeGreaterThan(0);
        transfer["data"]!["unitCode"]!.GetValue<string>().Should().Be("DINKES");

        var onlyTransfers = await (await _auditor.GetAsync($"{Routes.Audit.History(nip)}?type=employee_transferred")).Json();
        onlyTransfers["items"]!.AsArray().Should().ContainSingle();

        var csv = await (await _auditor.GetAsync($"{Routes.Audit.History(nip)}?format=csv")).Content.ReadAsStringAsync();
        var lines = csv.Trim().Split("\r\n");
        lines[0].Should().StartWith("sequence,recordedAt,streamId,version,type,effectiveOn");
        lines.Should().HaveCount(4);
        lines[2].Should().Contain("employee_transferred").And.Contain("SK mutasi 821/45");
    }

    [Fact]
    public async Task The_history_csv_is_a_spreadsheet_download_in_wit_with_a_formula_in_a_reason_escaped_and_a_semicolon_variant()
    {
        var nip = await _admin.Employee("DISDIK", startDate: "2019-01-02");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2026-01-02"), headers: [("X-Reason", "=HYPERLINK(\"http://x\";\"SK\")")]);

        var response = await _auditor.GetAsync($"{Routes.Audit.History(nip)}?format=csv");
        var body = await response.Content.ReadAsByteArrayAsync();
        var semicolon = await (await _auditor.GetAsync($"{Routes.Audit.History(nip)}?format=csv-semicolon")).Content.ReadAsStringAsync();

        body.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be($"history-{nip}.csv");
        var lines = System.Text.Encoding.UTF8.GetString(body.AsSpan(3)).Split("\r\n");
        lines.Should().HaveCount(4, "a header, two events and nothing after the last CRLF");
        lines[1].Split(',')[1].Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$", "instants are shown in WIT with milliseconds");
        lines[2].Should().Contain(",\"'=HYPERLINK(\"\"http://x\"\";\"\"SK\"\")\",", "a spreadsheet must show the reason, not run it");
        semicolon.Split("\r\n")[0].Should().StartWith("sequence;recordedAt;streamId;version;type;");
    }

    [Fact]
    public async Task As_of_answers_replay_what_was_recorded_by_each_instant()
    {
        var nip = await _admin.Employee("DISDIK", startDate: "2019-01-02");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2025-07-01"));
        var entries = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]!.AsArray();
        var registeredAt = entries[0]!["recordedAt"]!.GetValue<DateTimeOffset>();
        var transferredAt = entries[1]!["recordedAt"]!.GetValue<DateTimeOffset>();

        var before = await AsOf(nip, registeredAt.AddTicks(-10));
        before.Should().BeNull("nothing was recorded about the employee before the registration");

        var atRegistration = (await AsOf(nip, registeredAt))!;
        atRegistration["eventsReplayed"]!.GetValue<long>().Should().Be(1);
        atRegistration["profile"]!["placements"]!.AsArray().Select(p => p!["unitCode"]!.GetValue<string>()).Should().Equal("DISDIK");
        atRegistration["backDated"]!.AsArray().Should().BeEmpty();

        var afterTransfer = (await AsOf(nip, transferredAt.AddSeconds(1)))!;
        afterTransfer["eventsReplayed"]!.GetValue<long>().Should().Be(2);
        afterTransfer["profile"]!["placement"]!["unitCode"]!.GetValue<string>().Should().Be("DINKES");
        var marked = afterTransfer["backDated"]!.AsArray().Single()!;
        marked["type"]!.GetValue<string>().Should().Be("employee_transferred");
        marked["effectiveOn"]!.GetValue<string>().Should().Be("2025-07-01");
    }

    [Fact]
    public async Task Verification_finds_exactly_the_event_changed_behind_the_applications_back()
    {
        var nip = await _admin.Employee("DISDIK");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2026-02-01"));
        await _admin.Post(Routes.Employees.EmploymentEnding(nip), new { reason = "Resigned", effectiveOn = "2026-10-01" });
        var intact = await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json();
        intact["intact"]!.GetValue<bool>().Should().BeTrue();
        var streamId = intact["streams"]![0]!["streamId"]!.GetValue<Guid>();
        intact["streams"]![0]!["eventsChecked"]!.GetValue<long>().Should().Be(3);

        await TestDatabase.Execute(
            $"update {app.Schema}.mt_events set data = jsonb_set(data, '{{golongan}}', '\"IV/e\"') where stream_id = '{streamId}' and version = 2");
        var tampered = await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json();
        tampered["intact"]!.GetValue<bool>().Should().BeFalse();
        tampered["streams"]![0]!["streamId"]!.GetValue<Guid>().Should().Be(streamId);
        tampered["streams"]![0]!["firstBrokenVersion"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task Verification_finds_events_whose_order_was_swapped()
    {
        var nip = await _admin.Employee("DISDIK");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2026-02-01"));
        await _admin.Post(Routes.Employees.EmploymentEnding(nip), new { reason = "Resigned", effectiveOn = "2026-10-01" });
        var streamId = (await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json())["streams"]![0]!["streamId"]!.GetValue<Guid>();

        var events = $"{app.Schema}.mt_events";
        await TestDatabase.Execute(
            $"update {events} set version = -1 where stream_id = '{streamId}' and version = 2; " +
            $"update {events} set version = 2 where stream_id = '{streamId}' and version = 3; " +
            $"update {events} set version = 3 where stream_id = '{streamId}' and version = -1;");
        var report = await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json();
        report["streams"]![0]!["firstBrokenVersion"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task The_late_entries_list_shows_what_was_recorded_long_after_it_took_effect()
    {
        var nip = await _admin.Employee("DISDIK", startDate: "2019-01-02");
        await _admin.Post(Routes.Employees.Transfers(nip), Transfer("2025-07-01"));
        var recent = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-2).ToString("yyyy-MM-dd");
        var supervisor = await _admin.Employee("DISDIK", startDate: "2010-01-04");
        (await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = supervisor, effectiveOn = recent }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var stream = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]![0]!["streamId"]!.GetValue<Guid>();

        var late = await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?minDaysLate=30&limit=1000")).Json();
        var mine = late["items"]!.AsArray().Where(i => i!["streamId"]!.GetValue<Guid>() == stream).ToList();
        mine.Select(i => i!["type"]!.GetValue<string>()).Should().Equal("employee_transferred");
        mine[0]!["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("days-late");
        mine[0]!["daysBackDated"]!.GetValue<int>().Should().BeGreaterThan(30);

        var lenient = await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?minDaysLate=1&limit=1000")).Json();
        lenient["items"]!.AsArray().Where(i => i!["streamId"]!.GetValue<Guid>() == stream).Select(i => i!["type"]!.GetValue<string>())
            .Should().Equal("employee_transferred", "supervisor_changed");
        await (await app.As(Roles.Portal).GetAsync(Routes.Audit.LateEntries)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_late_entries_list_shows_what_was_written_to_an_appraisal_after_its_cycle_closed()
    {
        // A unit of its own: two semester cycles over DISDIK in one test class would meet.
        var unit = await _admin.NewUnit("DISDIK");
        var rater = await _admin.Employee(unit, startDate: "2010-01-04");
        var nip = await _admin.Employee(unit, supervisorNip: rater, startDate: "2019-01-02");
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        await _admin.Open(cycle, nip);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await _admin.ExcuseAll(cycle);
        (await _admin.Post(Routes.Cycles.Closure(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var appraisal = (await (await _auditor.GetAsync($"{Routes.Audit.History(nip)}?type=appraisal_opened")).Json())["items"]![0]!["streamId"]!
            .GetValue<Guid>();

        // The API refuses every write to a closed cycle's appraisals; a data fix straight into the store does not.
        await using (var session = app.Store.LightweightSession())
        {
            session.LastModifiedBy = "db-fix";
            session.Events.Append(appraisal, new AppraisalExcused(appraisal, "Koreksi data", Actor.Service("db-fix"), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var late = await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?minDaysLate=5000&limit=1000")).Json();
        var mine = late["items"]!.AsArray().Where(i => i!["streamId"]!.GetValue<Guid>() == appraisal || i["streamId"]!.GetValue<Guid>() == cycle).ToList();
        mine.Select(i => (i!["type"]!.GetValue<string>(), i["userName"]!.GetValue<string>(), i["kinds"]!.AsArray().Single()!.GetValue<string>()))
            .Should().Equal(("appraisal_excused", "db-fix", "after-cycle-closed"));
        mine[0]!["data"]!["reason"]!.GetValue<string>().Should().Be("Koreksi data");
    }

    [Fact]
    public async Task The_history_follows_the_employee_into_their_training_grant_and_JP_ledger_streams()
    {
        var nip = await _admin.Employee("DISDIK");
        var requested = await _admin.PostAsJsonAsync(Routes.TrainingGrants.All, new
        {
            nip, year = 2026, program = "Pelatihan Kurikulum Merdeka", provider = "Universitas Pattimura", track = "PelatihanKlasikal",
            competencyCodes = new[] { "TEKNIS.PEMBELAJARAN" }, plannedJp = 24, cost = 2500000,
            funding = new { source = "Partner", partnerId = await _admin.Partner("Universitas Pattimura") },
            reason = new { basis = "CompetencyGap", text = "Level 2 di bawah standar 3" },
        });
        requested.StatusCode.Should().Be(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        (await _admin.Post(requested.Headers.Location + "/approval", new { note = "Kemitraan" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var types = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]!.AsArray()
            .Select(i => i!["type"]!.GetValue<string>()).ToList();
        types.Should().StartWith("employee_registered").And.Contain(["training_grant_requested", "training_grant_approved", "jp_planned"]);
        var verification = await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json();
        verification["intact"]!.GetValue<bool>().Should().BeTrue();
        verification["streams"]!.AsArray().Should().HaveCount(3, "the profile, the grant and the JP ledger are three streams");
    }

    [Fact]
    public async Task The_history_follows_the_employee_into_their_appraisal_stream()
    {
        // A unit of its own: two semester cycles over DISDIK in one test class would meet.
        var unit = await _admin.NewUnit("DISDIK");
        var rater = await _admin.Employee(unit, startDate: "2010-01-04");
        var nip = await _admin.Employee(unit, supervisorNip: rater, startDate: "2019-01-02");
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        await _admin.Open(cycle, nip);

        var entries = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]!.AsArray();
        entries.Select(i => i!["type"]!.GetValue<string>()).Should().Equal("employee_registered", "appraisal_opened");
        (await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json())["intact"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Portal)]
    public async Task Only_auditors_and_hr_admin_read_the_audit_views(string role)
    {
        var nip = await _admin.Employee("DISDIK");
        var client = app.As(role, nip);
        await (await client.GetAsync(Routes.Audit.History(nip))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync(Routes.Audit.Verification(nip))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _admin.GetAsync(Routes.Audit.History(nip))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hr_admin_reads_the_audit_views_but_only_an_auditor_verifies_the_record_bkpsdm_keeps()
    {
        var nip = await _admin.Employee("DISDIK");
        (await _admin.GetAsync(Routes.Audit.History(nip))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.GetAsync(Routes.Audit.AsOf(nip) + "?at=2030-01-01T00:00:00%2B09:00")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.GetAsync(Routes.Audit.Verification(nip))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.GetAsync($"{Routes.Audit.DigestVerification}?digest={new string('a', 64)}&recordedAt=2026-12-01T00:00:00Z"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _auditor.GetAsync(Routes.Audit.Verification(nip))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static object Transfer(string effectiveOn) => new
    {
        unitCode = "DINKES",
        position = new { title = "Analis Kesehatan", kind = "FungsionalKeahlian", level = "AhliMuda" },
        golongan = "III/c",
        effectiveOn,
    };

    private async Task<JsonObject?> AsOf(string nip, DateTimeOffset at)
    {
        var response = await _auditor.GetAsync($"/api/v1/audit/employees/{nip}/as-of?at={Uri.EscapeDataString(at.ToString("O"))}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await response.ShouldBeProblem(HttpStatusCode.NotFound, "not-recorded-yet");
            return null;
        }

        return await response.Json();
    }
}
