using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Imports;

public sealed class ImportApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static string Code() => "I" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private Task<HttpResponseMessage> Import(string kind, string csv, bool dryRun = false, int? maxRows = null) =>
        _admin.Post(Routes.Imports.All, new { kind, csv, dryRun, maxRows });

    private static IEnumerable<(int Line, string? Column, string Code)> Errors(JsonNode report) =>
        report["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["column"]?.GetValue<string>(), e["code"]!.GetValue<string>()));

    [Fact]
    public async Task A_file_with_good_and_bad_rows_is_checked_dry_then_imported_then_the_same_file_again_appends_nothing()
    {
        var (root, child) = (Code(), Code());
        var units = $"""
            kode,nama,kode_induk
            {root},Dinas Impor,
            {child},"Bidang Impor, Seksi A",{root}
            {Code()},,{root}
            {Code()},Anak Yatim,NOPE-{Code()}
            {root},Dinas Impor Lagi,
            x,Kode Pendek,
            """;
        var registered = Given.PnsNip();
        await _admin.EnsureUnit("DISDIK");
        (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(registered, "DISDIK"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var (head, staff, pppk, twice) = (Given.PnsNip(), Given.PnsNip(), Given.PppkNip(), Given.PnsNip());
        var employees = $"""
            nip;nama;status_asn;golongan;jabatan;jenis_jabatan;jenjang;unit;tmt;nip_atasan
            {head};Kepala Dinas;PNS;IV/c;Kepala Dinas;JPT;Pratama;{root};2010-01-04;
            {staff};Analis Satu;pns;III/a;Analis;Fungsional Keahlian;Ahli Pertama;{child};02/01/2020;{head}
            {pppk};Guru PPPK;PPPK;;Guru;FUNGSIONAL_KEAHLIAN;AhliPertama;{child};2023-03-01;{head}
            12345;NIP Pendek;PNS;III/a;Analis;Pelaksana;;{child};2020-01-02;
            {Given.PnsNip()};Unit Hilang;PNS;III/a;Analis;Pelaksana;;NOPE-{Code()};2020-01-02;
            {Given.PnsNip()};Atasan Hilang;PNS;III/a;Analis;Pelaksana;;{child};2020-01-02;{Given.PnsNip()}
            {twice};Dua Kali;PNS;III/a;Analis;Pelaksana;;{child};2020-01-02;
            {twice};Dua Kali Lagi;PNS;III/a;Analis;Pelaksana;;{child};2020-01-02;
            {Given.PnsNip()};Tanggal Salah;PNS;III/a;Analis;Pelaksana;;{child};2020-13-45;
            {Given.PnsNip()};Status Salah;Honorer;III/a;Analis;Pelaksana;;{child};2020-01-02;
            {Given.PppkNip()};Golongan PPPK;PPPK;III/a;Analis;Pelaksana;;{child};2020-01-02;
            {registered};Sudah Terdaftar;PNS;III/a;Analis;Pelaksana;;{child};2020-01-02;
            """;
        var before = await app.EventCount();

        var dryUnits = await (await Import("Units", units, dryRun: true)).Json();
        var dryEmployees = await (await Import("Employees", employees, dryRun: true)).Json();

        (await app.EventCount()).Should().Be(before, "a dry run appends nothing");
        dryUnits["status"]!.GetValue<string>().Should().Be("DryRun");
        Errors(dryUnits).Should().BeEquivalentTo(new (int, string?, string)[]
        {
            (4, "nama", "validation-failed"), (5, "kode_induk", "unknown-unit"), (6, "kode", "unit-already-registered"), (7, "kode", "validation-failed"),
        });
        // The parent of the dry run's units is only decided, not registered: the employees' dry run sees the units as they are.
        Errors(dryEmployees).Select(e => e.Line).Distinct().Should().HaveCount(12);
        (await _admin.GetAsync(Routes.Imports.One(dryUnits["id"]!.GetValue<string>()))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var unitsRun = await (await Import("Units", units)).Json();
        var employeesDry = await (await Import("Employees", employees, dryRun: true)).Json();
        var employeesRun = await (await Import("Employees", employees)).Json();

        Errors(employeesDry).Should().BeEquivalentTo(Errors(employeesRun), "the dry run reports what the run then meets");
        unitsRun["done"]!.GetValue<int>().Should().Be(2);
        unitsRun["failed"]!.GetValue<int>().Should().Be(4);
        employeesRun["status"]!.GetValue<string>().Should().Be("Complete");
        employeesRun["done"]!.GetValue<int>().Should().Be(4);
        employeesRun["failed"]!.GetValue<int>().Should().Be(8);
        Errors(employeesRun).Should().BeEquivalentTo(new (int, string?, string)[]
        {
            (5, "nip", "validation-failed"), (6, "unit", "unknown-unit"), (7, "nip_atasan", "unknown-supervisor"), (9, "nip", "nip-already-registered"),
            (10, "tmt", "validation-failed"), (11, "status_asn", "validation-failed"), (12, "golongan", "validation-failed"),
            (13, "nip", "nip-already-registered"),
        });
        (await app.EventCount()).Should().Be(before + 2 + 4, "one event per registered unit and employee");
        var pppkRead = await (await _admin.GetAsync(Routes.Employees.One(pppk))).Json();
        pppkRead["supervisor"]!["nip"]!.GetValue<string>().Should().Be(head);

        var id = employeesRun["id"]!.GetValue<string>();
        await using (var session = app.Store.QuerySession())
        {
            var profile = await session.Query<EmployeeProfile>().SingleAsync(p => p.Nip == pppk);
            var events = await session.Events.FetchStreamAsync(profile.Id);
            events.Should().ContainSingle();
            events[0].CausationId.Should().Be($"import/{id}/4");
            events[0].Headers!["import-line"].ToString().Should().Be("4");
            events[0].UserName.Should().NotBeNullOrEmpty();
        }

        var sealedChain = await (await app.As(Roles.Auditor).GetAsync(Routes.Audit.Verification(pppk))).Json();
        sealedChain["intact"]!.GetValue<bool>().Should().BeTrue("each row's cause and headers are sealed with its events");

        var afterRun = await app.EventCount();
        var again = await (await Import("Employees", employees)).Json();
        (await Import("Units", units)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await app.EventCount()).Should().Be(afterRun, "the same file again appends nothing");
        again["done"]!.GetValue<int>().Should().Be(4);
        Errors(again).Should().HaveCount(8);
    }

    [Fact]
    public async Task An_import_stopped_part_way_continues_after_its_last_settled_line_and_pages_its_errors()
    {
        var unit = Code();
        await _admin.Unit(unit);
        var nips = Enumerable.Range(0, 5).Select(_ => Given.PnsNip()).ToList();
        var lines = nips.Select((nip, i) => $"{nip},Pegawai {i},PNS,III/b,Analis,Pelaksana,,{unit},2021-02-01,")
            .Concat(["1,Salah Satu,PNS,,,Pelaksana,,X,2021-02-01,", "2,Salah Dua,PNS,,,Pelaksana,,X,2021-02-01,"]);
        var csv = "nip,nama,status_asn,golongan,jabatan,jenis_jabatan,jenjang,unit,tmt,nip_atasan\n" + string.Join("\n", lines);
        var before = await app.EventCount();

        var first = await (await Import("Employees", csv, maxRows: 2)).Json();

        first["status"]!.GetValue<string>().Should().Be("Incomplete");
        (first["done"]!.GetValue<int>(), first["pending"]!.GetValue<int>()).Should().Be((2, 5));
        (await app.EventCount()).Should().Be(before + 2);
        var id = first["id"]!.GetValue<string>();
        var progress = await (await _admin.GetAsync(Routes.Imports.One(id))).Json();
        (progress["done"]!.GetValue<int>(), progress["total"]!.GetValue<int>()).Should().Be((2, 7));

        var rest = await (await Import("Employees", csv)).Json();

        rest["status"]!.GetValue<string>().Should().Be("Complete");
        (rest["done"]!.GetValue<int>(), rest["failed"]!.GetValue<int>()).Should().Be((5, 2));
        (await app.EventCount()).Should().Be(before + 5, "the two settled rows are not appended again");
        foreach (var nip in nips)
        {
            (await _admin.GetAsync(Routes.Employees.One(nip))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var page = await (await _admin.GetAsync(Routes.Imports.One(id) + "?limit=1")).Json();
        Errors(page).Select(e => e.Line).Distinct().Should().Equal(7);
        var cursor = page["nextCursor"]!.GetValue<string>();
        var last = await (await _admin.GetAsync(Routes.Imports.One(id) + $"?limit=50&cursor={cursor}")).Json();
        Errors(last).Select(e => e.Line).Distinct().Should().Equal(8);
        last["nextCursor"].Should().BeNull();
    }

    [Fact]
    public async Task Positions_are_imported_into_registered_units_with_their_competencies()
    {
        var (unit, code) = (Code(), Code());
        await _admin.Unit(unit);
        var csv = $"""
            kode,nama,unit,jenis_jabatan,jenjang,formasi,kompetensi
            {code},Analis Kepegawaian,{unit},Fungsional Keahlian,Ahli Muda,2,teknis.kepegawaian=3|MANAJERIAL.INTEGRITAS=4
            {code},Analis Lagi,{unit},Pelaksana,,1,
            {Code()},Tanpa Unit,NOPE-{Code()},Pelaksana,,1,
            {Code()},Kompetensi Salah,{unit},Pelaksana,,1,TEKNIS
            {Code()},Formasi Negatif,{unit},Pelaksana,,-1,
            """;
        var before = await app.EventCount();

        var report = await (await Import("Positions", csv)).Json();

        Errors(report).Should().BeEquivalentTo(new (int, string?, string)[]
        {
            (3, "kode", "position-already-registered"), (4, "unit", "unknown-unit"), (5, "kompetensi", "validation-failed"), (6, "formasi", "validation-failed"),
        });
        (await app.EventCount()).Should().Be(before + 1);
        var position = await (await _admin.GetAsync(Routes.Positions.One(code))).Json();
        position["requirements"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Should().Equal("MANAJERIAL.INTEGRITAS", "TEKNIS.KEPEGAWAIAN");
    }

    [Fact]
    public async Task Superior_links_keep_the_single_change_rules_and_a_repeated_link_changes_nothing()
    {
        var unit = Code();
        await _admin.Unit(unit);
        var (top, middle, low) = (await _admin.Employee(unit), await _admin.Employee(unit), await _admin.Employee(unit));
        var csv = $"""
            nip,nip_atasan,berlaku_mulai
            {middle},{top},2024-01-01
            {low},{middle},2024-01-01
            {top},{low},2024-01-01
            {low},{low},2024-01-01
            {Given.PnsNip()},{top},2024-01-01
            {low},{middle},2024-01-01
            """;
        var before = await app.EventCount();

        var report = await (await Import("Supervisors", csv)).Json();

        Errors(report).Should().BeEquivalentTo(new (int, string?, string)[]
        {
            (4, "nip_atasan", "supervision-cycle"), (5, "nip_atasan", "self-supervision"), (6, "nip", "employee-not-found"),
        });
        report["done"]!.GetValue<int>().Should().Be(3);
        (await app.EventCount()).Should().Be(before + 2, "the repeated link on line 7 changes nothing");
        var chain = await (await app.As(Roles.Auditor).GetAsync(Routes.Audit.Verification(low))).Json();
        chain["intact"]!.GetValue<bool>().Should().BeTrue("an appended link is sealed after the registration's");
        (await (await _admin.GetAsync(Routes.Employees.Supervisor(low) + "?on=2024-06-01")).Json())["supervisor"]!["nip"]!.GetValue<string>().Should().Be(middle);
    }

    [Fact]
    public async Task Rows_that_name_rows_of_an_earlier_batch_are_decided_while_that_batch_commits_and_hold_as_in_one_batch()
    {
        // Three batches of employees and two of superior links: each batch is decided while the one before it commits.
        var unit = Code();
        await _admin.Unit(unit);
        var nips = Enumerable.Range(0, 1_100).Select(_ => Given.PnsNip()).ToList();
        var lines = nips.Select((nip, i) => $"{nip},Pegawai {i},PNS,III/b,Analis,Pelaksana,,{unit},2021-02-01,{(i == 0 ? "" : nips[0])}")
            .Append($"{nips[3]},Dua Kali,PNS,III/b,Analis,Pelaksana,,{unit},2021-02-01,");
        var employees = "nip,nama,status_asn,golongan,jabatan,jenis_jabatan,jenjang,unit,tmt,nip_atasan\n" + string.Join("\n", lines);
        var before = await app.EventCount();

        var run = await (await Import("Employees", employees)).Json();

        (run["done"]!.GetValue<int>(), run["failed"]!.GetValue<int>()).Should().Be((1_100, 1));
        Errors(run).Should().Equal((1_102, "nip", "nip-already-registered"));
        (await app.EventCount()).Should().Be(before + 1_100);
        var late = await (await _admin.GetAsync(Routes.Employees.One(nips[1_050]))).Json();
        late["supervisor"]!["nip"]!.GetValue<string>().Should().Be(nips[0], "a superior registered two batches above is known");

        // nips[5] changes superior on line 2 (first batch) and again on line 504 (second batch): the second append's version follows
        // the first, committed while the second batch was being decided.
        var links = Enumerable.Range(0, 501).Select(i => $"{nips[10 + i]},{nips[1]},2024-01-01")
            .Prepend($"{nips[5]},{nips[2]},2024-01-01").Append($"{nips[5]},{nips[1]},2024-06-01");
        var supervisors = "nip,nip_atasan,berlaku_mulai\n" + string.Join("\n", links);
        var afterEmployees = await app.EventCount();

        var linked = await (await Import("Supervisors", supervisors)).Json();

        (linked["done"]!.GetValue<int>(), linked["failed"]!.GetValue<int>()).Should().Be((503, 0));
        (await app.EventCount()).Should().Be(afterEmployees + 503);
        (await (await _admin.GetAsync(Routes.Employees.Supervisor(nips[5]) + "?on=2024-03-01")).Json())["supervisor"]!["nip"]!.GetValue<string>().Should().Be(nips[2]);
        (await (await _admin.GetAsync(Routes.Employees.Supervisor(nips[5]) + "?on=2024-07-01")).Json())["supervisor"]!["nip"]!.GetValue<string>().Should().Be(nips[1]);
        var chain = await (await app.As(Roles.Auditor).GetAsync(Routes.Audit.Verification(nips[5]))).Json();
        chain["intact"]!.GetValue<bool>().Should().BeTrue("links appended by consecutive batches chain onto each other");

        (await Import("Employees", employees)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Import("Supervisors", supervisors)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(afterEmployees + 503, "both files again append nothing");
    }

    [Fact]
    public async Task An_opd_admin_imports_into_its_own_subtree_and_a_file_touching_another_unit_is_refused_whole()
    {
        var (dinas, other) = (Code(), Code());
        await _admin.Unit(dinas);
        await _admin.Unit(other);
        var outsider = await _admin.Employee(other);
        var opd = app.As(Roles.OpdAdmin, name: "Admin Kepegawaian Impor", unit: dinas);
        var (bidang, seksi) = (Code(), Code());
        var units = $"kode,nama,kode_induk\n{bidang},Bidang Impor,{dinas}\n{seksi},Seksi Impor,{bidang}\n";
        var (kepala, staf) = (Given.PnsNip(), Given.PnsNip());
        var employees = $"""
            nip,nama,status_asn,golongan,jabatan,jenis_jabatan,jenjang,unit,tmt,nip_atasan
            {kepala},Kepala Bidang,PNS,IV/a,Kepala Bidang,Administrator,,{bidang},2020-01-02,
            {staf},Staf Seksi,PNS,III/a,Analis,Pelaksana,,{seksi},2020-01-02,{kepala}
            """;
        var before = await app.EventCount();

        (await opd.Post(Routes.Imports.All, new { kind = "Units", csv = units })).StatusCode.Should().Be(HttpStatusCode.OK,
            "a sub-unit whose parent is on an earlier line of the file is within the subtree");
        (await opd.Post(Routes.Imports.All, new { kind = "Employees", csv = employees })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(before + 4);

        var strayUnit = $"kode,nama,kode_induk\n{Code()},Di Dinas,{dinas}\n{Code()},Di Luar,{other}\n";
        var newOpd = $"kode,nama,kode_induk\n{Code()},OPD Baru,\n";
        var strayEmployee = employees.Replace(kepala, Given.PnsNip()).Replace(staf, Given.PnsNip()).Replace($",{seksi},", $",{other},");
        var strayLink = $"nip,nip_atasan,berlaku_mulai\n{staf},{kepala},2024-01-01\n{outsider},{kepala},2024-01-01\n";
        await (await opd.Post(Routes.Imports.All, new { kind = "Units", csv = strayUnit })).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Imports.All, new { kind = "Units", csv = newOpd })).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Imports.All, new { kind = "Employees", csv = strayEmployee, dryRun = true })).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Imports.All, new { kind = "Supervisors", csv = strayLink })).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        var positions = $"kode,nama,unit,jenis_jabatan,jenjang,formasi\n{Code()},Analis,{dinas},Pelaksana,,1\n";
        await (await opd.Post(Routes.Imports.All, new { kind = "Positions", csv = positions })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        (await app.EventCount()).Should().Be(before + 4, "a refused file appends nothing, not even its rows inside the subtree");
        (await _admin.GetAsync(Routes.Imports.One(Sha256(strayUnit)))).StatusCode.Should().Be(HttpStatusCode.NotFound, "and keeps no import");
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task A_header_without_a_required_column_is_refused_whole_and_a_file_imports_as_one_kind_only()
    {
        var before = await app.EventCount();
        await (await Import("Employees", "nip,nama\n198609262015051001,Maria\n")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before);

        var both = $"kode,nama,kode_induk,unit,jenis_jabatan,formasi\n{Code()},Unit Atau Jabatan,,DISDIK,Pelaksana,1\n";
        (await Import("Units", both)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Import("Positions", both)).ShouldBeProblem(HttpStatusCode.Conflict, "import-kind-mismatch");
        (await app.EventCount()).Should().Be(before + 1);
    }
}
