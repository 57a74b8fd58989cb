using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Training;

namespace Kinerja.Tools.Generating;

/// <summary>
/// A year of competency development: every unit gets a training budget, about a quarter of the ASN get
/// a grant (more of those whose last predikat or competencies fall short), approved against the budget
/// and the JP cap where they fit and rejected where they do not, then scheduled and mostly completed.
/// Partner-funded grants draw a seat of one of the city's registered partners (mitra kerja sama).
/// </summary>
internal sealed class TrainingStage(int year, DateOnly today) : ICityStage
{
    private sealed record Program(string Name, string Provider, TrainingTrack Track, string Competency, int Jp, long Cost);

    private static readonly Program[] Common =
    [
        new("Pelatihan Pelayanan Prima", "BPSDM Provinsi Maluku", TrainingTrack.PelatihanKlasikal, "MANAJERIAL.ORIENTASI-HASIL", 24, 2_500_000),
        new("Pelatihan Penyusunan SKP dan Dialog Kinerja", "BKPSDM Kota Ambon", TrainingTrack.PelatihanNonKlasikal, "MANAJERIAL.KOMUNIKASI", 16, 750_000),
        new("Coaching Kinerja", "BKPSDM Kota Ambon", TrainingTrack.Coaching, "MANAJERIAL.KERJASAMA", 8, 500_000),
    ];

    private static readonly Dictionary<WorkKind, Program> Technical = new()
    {
        [WorkKind.Guru] = new("Pelatihan Implementasi Kurikulum Merdeka", "Balai Guru Penggerak Provinsi Maluku", TrainingTrack.PelatihanKlasikal, "TEKNIS.PEMBELAJARAN", 32, 3_500_000),
        [WorkKind.Kesehatan] = new("Pelatihan Kegawatdaruratan (BTCLS)", "Politeknik Kesehatan Kemenkes Maluku", TrainingTrack.PelatihanKlasikal, "TEKNIS.PELAYANAN-KESEHATAN", 40, 4_000_000),
        [WorkKind.Kewilayahan] = new("Bimbingan Teknis Administrasi Kependudukan", "Dinas Dukcapil Provinsi Maluku", TrainingTrack.PelatihanNonKlasikal, "TEKNIS.PELAYANAN-PUBLIK", 16, 1_200_000),
        [WorkKind.Administrasi] = new("Pelatihan Penyusunan Laporan Kinerja (SAKIP)", "LAN RI", TrainingTrack.PelatihanNonKlasikal, "TEKNIS.ADMINISTRASI", 24, 2_000_000),
        [WorkKind.Pimpinan] = new("Pelatihan Kepemimpinan Pengawas", "BPSDM Provinsi Maluku", TrainingTrack.PelatihanKlasikal, "MANAJERIAL.KEPEMIMPINAN", 60, 12_000_000),
    };

    private static readonly string[] Partners = ["Universitas Pattimura", "Politeknik Negeri Ambon", "IAIN Ambon"];

    public string Name => $"training {year}";

    public async Task Run(City city, CityWriter writer, CancellationToken ct)
    {
        var chance = city.Chance;
        var budgets = new Dictionary<string, (TrainingBudget State, List<object> Events)>(StringComparer.Ordinal);
        foreach (var unit in city.Units)
        {
            var headcount = city.Employees.Count(e => e.Unit == unit);
            var events = TrainingBudgetDecisions.Set(null, unit.State.Id, unit.Spec.Code, year, headcount * chance.Between(10, 30) * 100_000L,
                chance.During(new DateOnly(year, 1, 12))).ToList();
            budgets[unit.Spec.Code] = (City.Fold<TrainingBudget>(TrainingBudget.Evolve, null, events), events);
        }

        // Registered without drawing on chance, so the rest of the city comes out as it did before partners were registered.
        var partners = Partners.ToDictionary(name => name, name => Register(name, city.Employees.Count), StringComparer.Ordinal);
        var lastCycle = city.Cycles.LastOrDefault(c => c.Closed);
        var ledgers = new Dictionary<Guid, (JpLedger? State, List<object> Events)>();
        foreach (var employee in city.Employees)
        {
            var predikat = lastCycle?.PredikatOf(employee.Id);
            var weak = predikat is Predikat.ButuhPerbaikan or Predikat.Kurang or Predikat.SangatKurang;
            var gap = employee.State.LatestAssessment?.Competencies.FirstOrDefault(c => c.Level < 3);
            if (!chance.Percent(weak || gap is not null ? 0.6 : 0.15))
            {
                continue;
            }

            var program = chance.Percent(0.6) ? Technical[employee.Work] : chance.Pick(Common);
            var reason = weak
                ? new GrantReason(GrantBasis.PerformanceGap, $"Predikat {predikat} pada {lastCycle!.Name}",
                    [new ReasonReference(ReferenceKind.Appraisal, Domain.Appraisals.Appraisal.IdFor(lastCycle.Id, employee.Id).ToString())])
                : gap is not null
                    ? new GrantReason(GrantBasis.CompetencyGap, $"Level {gap.Code} {gap.Level} di bawah standar 3", [])
                    : new GrantReason(GrantBasis.TalentDevelopment, "Pengembangan kompetensi sesuai rencana pengembangan karier", []);
            var funding = new Funding(FundingSource.UnitBudget, null);
            if (chance.Percent(0.2))
            {
                var name = chance.Pick(Partners);
                funding = new Funding(FundingSource.Partner, name, partners[name].State.Id);
            }

            var input = new NewTrainingGrant(year, program.Name, program.Provider, program.Track, [program.Competency], program.Jp, program.Cost, funding, reason);
            var requested = chance.DayBetween(new DateOnly(year, 2, 2), new DateOnly(year, 6, 30));
            var grant = new GrantStory(chance, employee, input, requested, today);
            var ledger = ledgers.GetValueOrDefault(employee.Id);
            var budget = budgets[grant.UnitCode];
            var partner = funding.Partner is { } funder ? partners[funder] : default;
            grant.Run(ref ledger, ref budget, ref partner);
            if (funding.Partner is { } drawn)
            {
                partners[drawn] = partner;
            }

            ledgers[employee.Id] = (ledger.State, ledger.Events ?? []);
            budgets[grant.UnitCode] = budget;
            await writer.Start<TrainingGrant>(grant.Id, grant.Events, ct);
        }

        foreach (var (_, (state, events)) in ledgers)
        {
            if (state is not null)
            {
                await writer.Start<JpLedger>(state.Id, events, ct);
            }
        }

        foreach (var (_, (state, events)) in budgets)
        {
            await writer.Start<TrainingBudget>(state.Id, events, ct);
        }

        foreach (var (_, (state, events)) in partners)
        {
            await writer.Start<TrainingPartner>(state.Id, events, ct);
        }
    }

    /// <summary>A PKS for this year and the next, with a seat for every ASN of the city so that no generated grant is refused one.</summary>
    private (TrainingPartner State, List<object> Events) Register(string name, int seats)
    {
        var id = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"kinerja/generator/training-partner/{name}/{year}"))[..16]);
        var terms = new PartnerTerms(
            name, new PartnerAgreement($"800/{year}/PKS-BKPSDM/{name.Length:000}", new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31)),
            new PartnerOffer(seats, null, ["MANAJERIAL.ORIENTASI-HASIL", "TEKNIS.PEMBELAJARAN", "TEKNIS.PELAYANAN-KESEHATAN", "TEKNIS.ADMINISTRASI"]), 500_000_000);
        var events = TrainingPartnerDecisions.Register(id, terms, new DateTimeOffset(year, 1, 5, 9, 0, 0, TimeSpan.FromHours(9))).ToList();
        return (City.Fold<TrainingPartner>(TrainingPartner.Evolve, null, events), events);
    }

    /// <summary>One grant from request to its end; a refused approval (budget or JP cap) is answered with a rejection, as BKPSDM would.</summary>
    private sealed class GrantStory(Chance chance, CityEmployee employee, NewTrainingGrant input, DateOnly requested, DateOnly today)
    {
        private TrainingGrant _state = null!;

        public List<object> Events { get; } = [];

        public Guid Id => _state.Id;

        public string UnitCode => employee.State.PlacementOn(requested)!.UnitCode;

        public void Run(
            ref (JpLedger? State, List<object> Events) ledger, ref (TrainingBudget State, List<object> Events) budget, ref (TrainingPartner? State, List<object> Events) partner)
        {
            Do(_ => TrainingGrantDecisions.Request(chance.Guid(), employee.State, input, requested, chance.During(requested)));
            if (partner.State is not null)
            {
                partner = Append(partner, TrainingPartnerDecisions.Take(partner.State, _state.Id, _state.Year, _state.PlannedJp, requested, ((TrainingGrantRequested)Events[0]).RequestedAt), TrainingPartner.Evolve);
            }

            var approvedOn = requested.AddDays(chance.Between(3, 14));
            var at = chance.During(approvedOn);
            try
            {
                var planned = JpLedgerDecisions.Plan(ledger.State, employee.Id, JpEntitlement.For(_state.EmploymentType), _state.Id, _state.Year, _state.PlannedJp, at);
                var reserved = _state.DrawsOnBudget ? TrainingBudgetDecisions.Reserve(budget.State, _state.UnitCode, _state.Year, _state.Id, _state.Cost, at) : [];
                Do(g => TrainingGrantDecisions.Approve(g, "Sesuai analisis kebutuhan pengembangan kompetensi", at));
                ledger = Append(ledger, planned, JpLedger.Evolve);
                budget = Append(budget, reserved);
            }
            catch (DomainRuleViolation refused)
            {
                Do(g => TrainingGrantDecisions.Reject(g, $"Tidak dapat disetujui: {refused.Message}", at));
                partner = partner.State is null ? partner : Append(partner, TrainingPartnerDecisions.Release(partner.State, _state.Id, at), TrainingPartner.Evolve);
                return;
            }

            var starts = approvedOn.AddDays(chance.Between(14, 90));
            var ends = starts.AddDays(Math.Max(1, _state.PlannedJp / 8) - 1);
            Do(g => TrainingGrantDecisions.Schedule(g, starts, ends, chance.During(approvedOn.AddDays(2))));
            if (chance.Percent(0.05))
            {
                Do(g => TrainingGrantDecisions.Cancel(g, "Pegawai berhalangan karena tugas kedinasan", chance.During(starts.AddDays(-3))));
                ledger = Append(ledger, JpLedgerDecisions.Withdraw(ledger.State, _state.Id, chance.During(starts.AddDays(-3))), JpLedger.Evolve);
                budget = Append(budget, TrainingBudgetDecisions.Release(budget.State, _state.Id, chance.During(starts.AddDays(-3))));
                var cancelledAt = ((TrainingGrantCancelled)Events[^1]).CancelledAt;
                partner = partner.State is null ? partner : Append(partner, TrainingPartnerDecisions.Release(partner.State, _state.Id, cancelledAt), TrainingPartner.Evolve);
                return;
            }

            Complete(ref ledger, ref budget, ends);
        }

        private void Complete(ref (JpLedger? State, List<object> Events) ledger, ref (TrainingBudget State, List<object> Events) budget, DateOnly ends)
        {
            var report = ends.AddDays(chance.Between(1, 10));
            if (report > today)
            {
                return;
            }

            var at = chance.During(report);
            var actual = _state.Cost / 1000 * chance.Between(90, 100) * 10;
            var assessed = employee.State.LatestAssessment?.Competencies.FirstOrDefault(c => c.Code == _state.CompetencyCodes[0]);
            var level = assessed is not null && chance.Percent(0.5) ? assessed with { Level = Math.Min(CompetencyLevel.Max, assessed.Level + 1) } : null;
            Do(g => TrainingGrantDecisions.Complete(g, new CompletionReport(ends, _state.PlannedJp - chance.Between(0, 2), actual, $"STTPP/{_state.Year}/{chance.Between(1000, 9999)}", level), at));
            var completed = (TrainingGrantCompleted)Events[^1];
            ledger = Append(ledger, JpLedgerDecisions.Complete(ledger.State, employee.Id, JpEntitlement.For(_state.EmploymentType), _state.Id, _state.Year, completed.AttendedJp, at), JpLedger.Evolve);
            budget = _state.DrawsOnBudget ? Append(budget, TrainingBudgetDecisions.Spend(budget.State, _state.Id, completed.ActualCost, at)) : budget;
        }

        private static (T? State, List<object> Events) Append<T>((T? State, List<object> Events) stream, IReadOnlyList<object> events, Func<T?, object, T> evolve)
            where T : class => (events.Count == 0 ? stream.State : City.Fold(evolve, stream.State, events), [.. stream.Events ?? [], .. events]);

        private static (TrainingBudget State, List<object> Events) Append((TrainingBudget State, List<object> Events) stream, IReadOnlyList<object> events) =>
            (events.Count == 0 ? stream.State : City.Fold(TrainingBudget.Evolve, stream.State, events), [.. stream.Events, .. events]);

        private void Do(Func<TrainingGrant, IReadOnlyList<object>> decide)
        {
            var events = decide(_state);
            Events.AddRange(events);
            _state = City.Fold(TrainingGrant.Evolve, _state, events);
        }
    }
}
