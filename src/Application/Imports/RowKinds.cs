using FluentValidation;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.ChangingSupervisor;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Positions.RegisteringPosition;
using Kinerja.Application.Units.RegisteringUnit;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Imports;

/// <summary>Units (unit kerja): a parent must be registered or on an earlier line.</summary>
public sealed class UnitRows(IValidator<RegisterUnit> validator) : RowImporter<RegisterUnit>(validator)
{
    public override ImportKind Kind => ImportKind.Units;

    public override IReadOnlyList<string> Required => ["kode", "nama"];

    public override IReadOnlyList<string> Optional => ["kode_induk"];

    protected override IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>
    {
        ["Code"] = "kode", ["Name"] = "nama", ["ParentCode"] = "kode_induk", ["unknown-unit"] = "kode_induk", ["unit-already-registered"] = "kode",
    };

    public override Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct) =>
        context.LoadUnits(rows.SelectMany(r => new[] { r["kode"], r["kode_induk"] }), ct);

    protected override RegisterUnit Read(CellReader cells) => new(cells.Text("kode"), cells.Text("nama"), cells.Optional("kode_induk"));

    protected override ValueTask<IReadOnlyList<StreamWrite>> Decide(RegisterUnit command, ImportContext context, DateTimeOffset now)
    {
        var parent = command.ParentCode is { } code ? context.Unit(code) ?? throw UnknownUnit(code) : null;
        var events = UnitDecisions.Register(context.Unit(command.Code), command.Code, command.Name, parent, now);
        var unit = events.Aggregate((UnitKerja?)null, UnitKerja.Evolve)!;
        context.Decided(unit);
        return ValueTask.FromResult<IReadOnlyList<StreamWrite>>([new StreamWrite(unit.Id, typeof(UnitKerja), null, events)]);
    }

    internal static DomainRuleViolation UnknownUnit(string code) => new("unknown-unit", $"Unit {code.ToUpperInvariant()} is not registered.");
}

/// <summary>Positions (jabatan) in registered units; competencies as <c>KODE=level</c> separated by <c>|</c>.</summary>
public sealed class PositionRows(IValidator<RegisterPosition> validator) : RowImporter<RegisterPosition>(validator)
{
    public override ImportKind Kind => ImportKind.Positions;

    public override IReadOnlyList<string> Required => ["kode", "nama", "unit", "jenis_jabatan", "formasi"];

    public override IReadOnlyList<string> Optional => ["jenjang", "kompetensi"];

    protected override IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>
    {
        ["Code"] = "kode", ["Name"] = "nama", ["UnitCode"] = "unit", ["Kind"] = "jenis_jabatan", ["Level"] = "jenjang", ["Vacancies"] = "formasi",
        ["Requirements"] = "kompetensi", ["unknown-unit"] = "unit", ["position-already-registered"] = "kode",
    };

    public override async Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct)
    {
        await context.LoadUnits(rows.Select(r => r["unit"]), ct);
        await context.LoadPositions(rows.Select(r => r["kode"]), ct);
    }

    protected override RegisterPosition Read(CellReader cells) =>
        new(cells.Text("kode"), cells.Text("nama"), cells.Text("unit"), cells.Enum<PositionKind>("jenis_jabatan"), cells.Enum<PositionLevel>("jenjang"),
            Requirements(cells), cells.Number("formasi"));

    private static List<RequiredCompetency> Requirements(CellReader cells)
    {
        var list = new List<RequiredCompetency>();
        foreach (var item in (cells.Optional("kompetensi") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var level))
            {
                list.Add(new RequiredCompetency(parts[0], level));
            }
            else
            {
                cells.Fail("kompetensi", $"'{item}' is not CODE=level.");
            }
        }

        return list;
    }

    protected override ValueTask<IReadOnlyList<StreamWrite>> Decide(RegisterPosition command, ImportContext context, DateTimeOffset now)
    {
        var unit = context.Unit(command.UnitCode) ?? throw UnitRows.UnknownUnit(command.UnitCode);
        var input = new NewPosition(command.Code, command.Name, command.Kind!.Value, command.Level, command.Requirements, command.Vacancies!.Value);
        var events = PositionDecisions.Register(context.Position(command.Code), input, unit, now);
        var position = events.Aggregate((Jabatan?)null, Jabatan.Evolve)!;
        context.Decided(position);
        return ValueTask.FromResult<IReadOnlyList<StreamWrite>>([new StreamWrite(position.Id, typeof(Jabatan), null, events)]);
    }
}

/// <summary>Employees (ASN) with golongan, position, unit, start date (TMT) and optionally a superior registered or on an earlier line.</summary>
public sealed class EmployeeRows(IValidator<RegisterEmployee> validator) : RowImporter<RegisterEmployee>(validator)
{
    public override ImportKind Kind => ImportKind.Employees;

    public override IReadOnlyList<string> Required => ["nip", "nama", "status_asn", "jabatan", "jenis_jabatan", "unit", "tmt"];

    public override IReadOnlyList<string> Optional => ["golongan", "jenjang", "nip_atasan"];

    protected override IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>
    {
        ["Nip"] = "nip", ["FullName"] = "nama", ["EmploymentType"] = "status_asn", ["Golongan"] = "golongan", ["Position.Title"] = "jabatan",
        ["Position.Kind"] = "jenis_jabatan", ["Position.Level"] = "jenjang", ["Position"] = "jabatan", ["UnitCode"] = "unit", ["StartDate"] = "tmt",
        ["SupervisorNip"] = "nip_atasan", ["nip-already-registered"] = "nip", ["unknown-unit"] = "unit", ["unknown-supervisor"] = "nip_atasan",
        ["supervisor-not-employed"] = "nip_atasan",
    };

    public override async Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct)
    {
        await context.LoadUnits(rows.Select(r => r["unit"]), ct);
        await context.LoadEmployees(rows.Select(r => r["nip"]), taken: true, ct);
        await context.LoadEmployees(rows.Select(r => r["nip_atasan"]), taken: false, ct);
    }

    protected override RegisterEmployee Read(CellReader cells) =>
        new(cells.Text("nip"), cells.Text("nama"), cells.Enum<EmploymentType>("status_asn"), cells.Text("unit"),
            new PositionInput(cells.Text("jabatan"), cells.Enum<PositionKind>("jenis_jabatan"), cells.Enum<PositionLevel>("jenjang")),
            cells.Optional("golongan"), cells.Optional("nip_atasan"), cells.Date("tmt"));

    protected override ValueTask<IReadOnlyList<StreamWrite>> Decide(RegisterEmployee command, ImportContext context, DateTimeOffset now)
    {
        if (context.NipTaken(command.Nip))
        {
            throw new DomainRuleViolation("nip-already-registered", $"NIP {command.Nip} is already registered.");
        }

        var unit = context.Unit(command.UnitCode) ?? throw UnitRows.UnknownUnit(command.UnitCode);
        var supervisor = command.SupervisorNip is { } nip ? context.Employee(nip)?.State ?? throw UnknownSupervisor(nip) : null;
        var input = new NewEmployee(
            command.Nip, command.FullName, command.EmploymentType!.Value, command.Position.ToPosition(), command.Golongan, command.StartDate!.Value);
        var events = EmployeeDecisions.Register(Guid.CreateVersion7(), input, unit, supervisor, now);
        var employee = events.Aggregate((Employee?)null, Employee.Evolve)!;
        context.Decided(new EmployeeEntry(employee, events.Count));
        return ValueTask.FromResult<IReadOnlyList<StreamWrite>>([new StreamWrite(employee.Id, typeof(Employee), null, events)]);
    }

    internal static DomainRuleViolation UnknownSupervisor(string nip) => new("unknown-supervisor", $"No employee has NIP {nip}.");
}

/// <summary>Superior links (atasan langsung, the usual pejabat penilai) from a date, for employees already registered.</summary>
public sealed class SupervisorRows(IValidator<ChangeSupervisor> validator) : RowImporter<ChangeSupervisor>(validator)
{
    public override ImportKind Kind => ImportKind.Supervisors;

    public override IReadOnlyList<string> Required => ["nip", "nip_atasan", "berlaku_mulai"];

    public override IReadOnlyList<string> Optional => [];

    protected override IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>
    {
        ["Nip"] = "nip", ["SupervisorNip"] = "nip_atasan", ["EffectiveOn"] = "berlaku_mulai", ["employee-not-found"] = "nip",
        ["unknown-supervisor"] = "nip_atasan", ["self-supervision"] = "nip_atasan", ["supervision-cycle"] = "nip_atasan",
        ["supervisor-not-employed"] = "nip_atasan", ["employment-ended"] = "nip", ["effective-before-start"] = "berlaku_mulai",
    };

    public override async Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct)
    {
        await context.LoadEmployees(rows.SelectMany(r => new[] { r["nip"], r["nip_atasan"] }), taken: false, ct);
        var dated = rows.Select(r => (Nip: r["nip_atasan"], On: DateOnly.TryParse(r["berlaku_mulai"], System.Globalization.CultureInfo.InvariantCulture, out var on) ? on : (DateOnly?)null))
            .Where(r => r.Nip is not null && r.On is not null).Select(r => (r.Nip!, r.On!.Value)).ToList();
        await context.LoadChains(dated, ct);
    }

    protected override ChangeSupervisor Read(CellReader cells) => new(cells.Text("nip"), cells.Optional("nip_atasan"), cells.Date("berlaku_mulai"));

    protected override async ValueTask<IReadOnlyList<StreamWrite>> Decide(ChangeSupervisor command, ImportContext context, DateTimeOffset now)
    {
        var entry = context.Employee(command.Nip) ?? throw EmployeeRules.NotFound(command.Nip);
        var supervisor = command.SupervisorNip is { } nip ? context.Employee(nip)?.State ?? throw EmployeeRows.UnknownSupervisor(nip) : null;
        var on = command.EffectiveOn!.Value;
        var events = EmployeeDecisions.ChangeSupervisor(entry.State, supervisor, await context.ChainAbove(supervisor, on), on, now);
        if (events.Count == 0)
        {
            return [];
        }

        context.Decided(new EmployeeEntry(events.Aggregate(entry.State, Employee.Evolve), entry.Version + events.Count));
        return [new StreamWrite(entry.State.Id, typeof(Employee), entry.Version, events)];
    }
}
