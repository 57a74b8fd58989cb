using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.FollowUps;

namespace Kinerja.Tools.Generating;

/// <param name="Today">The last day the stage simulates (WIT): nothing in it is achieved, received or decided later.</param>
public sealed record AppraisalYear(int Year, bool Closes, DateOnly Today)
{
    /// <summary>Planned, worked, evaluated, approved and closed in February 2026.</summary>
    public static readonly AppraisalYear Closed2025 = new(2025, true, new DateOnly(2026, 2, 2));

    /// <summary>Planned and under way on 20 November 2026: realisations up to the third quarter, feedback, no evaluation yet.</summary>
    public static readonly AppraisalYear Running2026 = new(2026, false, new DateOnly(2026, 11, 20));

    public string Name => $"SKP Tahunan {Year}";

    public DateOnly Start => new(Year, 1, 1);

    public DateOnly End => new(Year, 12, 31);

    public FeedbackWindow Window => new(Start, new DateOnly(Year + 1, 1, 15));
}

/// <summary>An annual cycle over every unit: created and started by BKPSDM, an appraisal per employee with a superior, and for a closing year the unit results and the closure.</summary>
internal sealed class AppraisalYearStage(AppraisalYear year) : ICityStage
{
    public string Name => year.Name;

    public async Task Run(City city, CityWriter writer, CancellationToken ct)
    {
        var chance = city.Chance;
        var id = chance.Guid();
        var input = new NewCycle(year.Name, CycleKind.Annual, year.Start, year.End, true, [], year.Window);
        var events = CycleDecisions.Create(id, input, [], null, CityWriter.Service, chance.During(new DateOnly(year.Year - 1, 12, 16))).ToList();
        var cycle = City.Fold<AppraisalCycle>(AppraisalCycle.Evolve, null, events);
        var started = CycleDecisions.Start(cycle, CityWriter.Service, chance.During(new DateOnly(year.Year, 1, 2)));
        var working = City.Fold(AppraisalCycle.Evolve, cycle, started);
        events.AddRange(started);
        AppraisalCycle? evaluating = null;
        if (year.Closes)
        {
            var began = CycleDecisions.BeginEvaluation(working, CityWriter.Service, chance.During(new DateOnly(year.Year + 1, 1, 5)));
            evaluating = City.Fold(AppraisalCycle.Evolve, working, began);
            events.AddRange(began);
        }

        await writer.Start<AppraisalCycle>(id, events, ct);
        var generated = new CityCycle(id, year.Name, year.Year, year.Closes, []);
        city.Cycles.Add(generated);
        var heads = city.Units.ToDictionary(u => u.Spec.Code, u => city.Employees.First(e => e.Unit == u));
        var unitResults = year.Closes ? UnitResults(city, heads) : [];
        var headed = unitResults.ToDictionary(r => heads[r.Key].Id, r => new HeadedUnit(r.Key, r.Value));
        var story = new AppraisalStory(city, year, working, evaluating, headed);
        foreach (var employee in city.Employees.Where(e => e.Supervisor is not null))
        {
            var (appraisal, acts) = story.Tell(employee, generated);
            generated.Appraisals[employee.Id] = appraisal;
            await writer.Start<Appraisal>(appraisal.Id, acts, ct);
        }

        await writer.CommitActed(ct);

        if (evaluating is not null)
        {
            await Close(city, writer, generated, evaluating, unitResults, ct);
        }
    }

    /// <summary>
    /// Each unit's capaian kinerja organisasi for the year, set before its head is evaluated, since the head's rating hasil kerja
    /// follows it (decision 084). The unit's work is its head's, so it is drawn from the head's talent (no random draw: the rest
    /// of the city stays as the seed made it).
    /// </summary>
    private static Dictionary<string, UnitResult> UnitResults(City city, Dictionary<string, CityEmployee> heads) => city.Units.ToDictionary(u => u.Spec.Code, u =>
        heads[u.Spec.Code].Talent switch
        {
            >= 1.08 => UnitResult.Istimewa,
            >= 0.9 => UnitResult.Baik,
            _ => UnitResult.ButuhPerbaikan,
        });

    /// <summary>
    /// The unit results, recorded by BKPSDM for the leaders of the next-higher units as evaluation began (before any head is
    /// evaluated); about half the breaches of the guidance get a written justification; then tindak lanjut and the closure.
    /// </summary>
    private async Task Close(
        City city, CityWriter writer, CityCycle generated, AppraisalCycle evaluating, Dictionary<string, UnitResult> unitResults, CancellationToken ct)
    {
        var chance = city.Chance;
        var day = new DateOnly(year.Year + 1, 1, 26);
        var finals = city.Employees.Where(e => generated.PredikatOf(e.Id) is not null).ToLookup(e => e.Unit.Spec.Code, e => generated.PredikatOf(e.Id)!.Value);
        foreach (var unit in city.Units)
        {
            var result = unitResults[unit.Spec.Code];
            var events = UnitEvaluationDecisions.RecordResult(null, evaluating, unit.Spec.Code, result, null, CityWriter.Service,
                "Capaian kinerja organisasi ditetapkan pimpinan unit kerja di atasnya dalam rapat evaluasi kinerja", chance.During(evaluating.PeriodEnd.AddDays(5))).ToList();
            var state = City.Fold<UnitEvaluation>(UnitEvaluation.Evolve, null, events);
            var counts = finals[unit.Spec.Code].GroupBy(p => p).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
            if (DistributionGuidance.Breaches(result, counts).Count > 0 && chance.Percent(0.5))
            {
                events.AddRange(UnitEvaluationDecisions.JustifyBreach(state, evaluating, counts,
                    "Sebaran predikat mencerminkan capaian nyata pegawai unit ini tahun ini; telah dibahas dalam rapat evaluasi kinerja.",
                    CityWriter.Service, chance.During(day.AddDays(2))));
            }

            await writer.Start<UnitEvaluation>(state.Id, events, ct);
        }

        await FollowUps(city, writer, generated, evaluating, day.AddDays(3), ct);
        var unsettled = generated.Appraisals.Values.Count(x => x.EvaluationStatus != EvaluationStatus.Approved && !x.Excused);
        await writer.Append<AppraisalCycle>(generated.Id, CycleDecisions.Close(evaluating, unsettled, CityWriter.Service, chance.During(day.AddDays(7))), ct);
    }

    /// <summary>
    /// Tindak lanjut before the closure: a support plan, owned by the superior, for most of those below Baik, and a
    /// piagam for one Sangat Baik in some units. The generator keeps no scores, so it cannot tell who is in the top of
    /// the unit: each award carries an override reason saying the head proposed it, as the decision requires.
    /// </summary>
    private static async Task FollowUps(City city, CityWriter writer, CityCycle generated, AppraisalCycle evaluating, DateOnly day, CancellationToken ct)
    {
        var chance = city.Chance;
        foreach (var employee in city.Employees.Where(e => e.Supervisor is not null))
        {
            var predikat = generated.PredikatOf(employee.Id);
            var facts = new FinalFacts(employee.Id, employee.Unit.Spec.Code, predikat, null, 0, false);
            IReadOnlyList<object> events = facts.NeedsSupport && chance.Percent(0.6)
                ? FollowUpDecisions.RecordSupportPlan(null, evaluating, facts, new NewSupportPlan(
                    predikat == Predikat.ButuhPerbaikan ? [SupportKind.Coaching, SupportKind.Training] : [SupportKind.Counselling, SupportKind.Coaching],
                    ["Dialog kinerja bulanan dengan atasan langsung", "Rencana perbaikan capaian SKP triwulan I"],
                    employee.Supervisor!.Id, employee.Supervisor.Nip, day.AddMonths(3)), TimeSpan.Zero, CityWriter.Service, chance.During(day))
                : predikat == Predikat.SangatBaik && chance.Percent(0.1)
                    ? FollowUpDecisions.GrantAward(null, evaluating, facts, new NewAward(
                        AwardKind.Piagam, $"Piagam penghargaan kinerja {generated.Name}", day, "Diusulkan kepala unit dalam rapat evaluasi kinerja"),
                        TimeSpan.Zero, CityWriter.Service, chance.During(day))
                    : [];
            if (events.Count > 0)
            {
                await writer.Start<FollowUp>(FollowUp.IdFor(employee.Id), events, ct);
            }
        }
    }
}
