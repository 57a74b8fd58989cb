using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using static System.FormattableString;

namespace Kinerja.Tools.Generating;

/// <summary>
/// One employee's appraisal year, decided step by step by the Domain in the order the year runs: the
/// opening, the dialog kinerja, realisations, continuous and public feedback, then (in a closing year)
/// the rater's evaluation and its approval by the rater's superior.
/// </summary>
/// <param name="headedUnits">In a closing year, by the head's employee id, the unit they head with its result: their rating hasil kerja follows it.</param>
internal sealed class AppraisalStory(
    City city, AppraisalYear year, AppraisalCycle working, AppraisalCycle? evaluating, IReadOnlyDictionary<Guid, HeadedUnit> headedUnits)
{
    private const int PublicFeedbackCap = 500;
    private static readonly string[] Remarks =
        ["Terus pertahankan kinerja yang baik", "Perlu lebih tepat waktu dalam pelaporan", "Komunikasi dengan rekan kerja sangat baik", "Perlu meningkatkan ketelitian dokumen"];
    private static readonly string[] PublicRemarks =
        ["Pelayanannya ramah dan cepat", "Penjelasannya mudah dipahami", "Antrian masih cukup lama", "Sangat membantu, terima kasih"];

    private readonly Chance _chance = city.Chance;
    private int _submissions;
    private Appraisal _state = null!;
    private PublicFeedbackLedger _public = null!;
    private List<StoryAct> _acts = [];
    private readonly List<(DateTimeOffset At, Func<Appraisal, DateTimeOffset, IReadOnlyList<object>> Decide)> _year = [];
    private DateTimeOffset _last;

    /// <returns>The appraisal as it ends, and its events in the order they happened, each with the ASN who acted where that matters to the audit.</returns>
    public (Appraisal Appraisal, IReadOnlyList<StoryAct> Acts) Tell(CityEmployee employee, CityCycle cycle)
    {
        var rater = employee.Supervisor!;
        var approver = rater.Supervisor;
        var opened = new DateOnly(year.Year, 1, 3);
        var facts = new RaterFacts(opened, employee.Id, employee.Nip, employee.State.EmployedOn(opened), employee.State.PlacementOn(opened)?.UnitCode, true,
            rater.Id, rater.Nip, rater.State.EmployedOn(opened), approver?.Id, approver?.Nip);
        _acts = [];
        _state = null!;
        _last = DateTimeOffset.MinValue;
        var id = Appraisal.IdFor(cycle.Id, employee.Id);
        _public = PublicFeedbackLedger.Empty(id);
        Do(_ => AppraisalDecisions.Open(null, id, working, facts, Then(opened)));

        var ratio = employee.Talent + 0.05 * _chance.Normal();
        Plan(employee, rater, cycle);
        Realise(employee, ratio);
        Feedback(employee, rater);
        // The year's realisations and feedback were drawn per indicator and per source; they happened, and are recorded, in time order.
        foreach (var (at, decide) in _year.OrderBy(w => w.At).ToList())
        {
            var when = Then(at);
            Do(a => decide(a, when));
        }

        _year.Clear();
        if (evaluating is not null)
        {
            Evaluate(employee, rater, approver, ratio);
        }

        return (_state, _acts);
    }

    private void Plan(CityEmployee employee, CityEmployee rater, CityCycle cycle)
    {
        var raterPlan = cycle.Appraisals.GetValueOrDefault(rater.Id);
        var supports = raterPlan?.LatestPlan?.HasRow("R1") == true ? new SupportedRhk(raterPlan.Id, "R1") : null;
        var plan = PlanTemplates.For(employee, _chance, supports);
        // Leaders plan first so their staff can cascade from their rows.
        var depth = Depth(employee);
        var day = _chance.DayBetween(new DateOnly(year.Year, 1, 4 + 5 * Math.Min(depth, 3)), new DateOnly(year.Year, 1, 8 + 5 * Math.Min(depth, 3)));
        Do(a => AppraisalDecisions.DraftPlan(a, working, plan, Then(day)));
        Do(a => AppraisalDecisions.SubmitPlan(a, working, Then(day)));
        if (_chance.Percent(0.1))
        {
            Do(a => AppraisalDecisions.ReturnPlan(a, working, a.PlanVersion, "Target perlu diselaraskan dengan rencana strategis unit", rater.Id, CityWriter.Asn(rater.Nip, Roles.Supervisor), Then(day.AddDays(1))), rater.Nip);
            var revised = PlanTemplates.Revised(plan);
            Do(a => AppraisalDecisions.DraftPlan(a, working, revised, Then(day.AddDays(2))));
            Do(a => AppraisalDecisions.SubmitPlan(a, working, Then(day.AddDays(2))));
            day = day.AddDays(2);
        }

        Do(a => AppraisalDecisions.AgreePlan(a, working, a.PlanVersion, rater.Id, CityWriter.Asn(rater.Nip, Roles.Supervisor), Then(day.AddDays(_chance.Between(1, 4)))), rater.Nip);
    }

    /// <summary>A closing year reports each indicator in December; a running one by quarter, as far as the year has come.</summary>
    private void Realise(CityEmployee employee, double ratio)
    {
        var quarters = year.Closes ? new[] { new DateOnly(year.Year, 12, 1) } : [new(year.Year, 3, 31), new(year.Year, 6, 30), new(year.Year, 9, 30)];
        foreach (var indicator in _state.LatestPlan!.Rows.SelectMany(r => r.Indicators))
        {
            var achieved = Math.Clamp(ratio + 0.04 * _chance.Normal(), 0.4, 1.4);
            Guid? last = null;
            var share = 1.0;
            for (var q = 0; q < quarters.Length; q++)
            {
                share = year.Closes || PlanTemplates.IsShare(indicator.Target) ? 1.0 : (q + 1) / 4.0;
                var value = PlanTemplates.Realised(indicator, achieved, share);
                var on = year.Closes ? _chance.DayBetween(quarters[q], quarters[q].AddDays(19)) : quarters[q];
                var recorded = on.AddDays(_chance.Between(0, 6));
                var input = new NewRealisation(_chance.Guid(), indicator.Key, value,
                    new Evidence($"https://arsip.ambon.go.id/skp/{year.Year}/{employee.Nip}/{indicator.Key}-{q + 1}.pdf", null, "Laporan realisasi: " + indicator.Iki), on);
                Later(_chance.During(recorded), (a, at) => AppraisalDecisions.RecordRealisation(a, working, input, recorded, at));
                last = input.Id;
            }

            if (last is { } corrected && _chance.Percent(0.03))
            {
                var day = year.Closes ? new DateOnly(year.Year, 12, 29) : year.Today;
                var fixedValue = new NewRealisation(_chance.Guid(), indicator.Key, PlanTemplates.Realised(indicator, achieved, share),
                    new Evidence(null, "sha256:" + Convert.ToHexStringLower([.. _chance.Guid().ToByteArray(), .. _chance.Guid().ToByteArray()]), "Laporan realisasi yang diperbaiki"), day);
                Later(_chance.During(day), (a, at) => AppraisalDecisions.CorrectRealisation(a, working, corrected, fixedValue, "Salah input angka realisasi", day, at));
            }
        }
    }

    private void Feedback(CityEmployee employee, CityEmployee rater)
    {
        var last = year.Closes ? year.End : year.Today;
        DateTimeOffset Sometime() => _chance.During(_chance.DayBetween(new DateOnly(year.Year, 3, 1), last));
        var peers = rater.Subordinates.Where(p => p != employee).ToList();
        if (_chance.Percent(0.9))
        {
            Give(FeedbackSource.Supervisor, new FeedbackGiver(rater.Id, false, false), employee, Sometime());
        }

        if (_chance.Percent(0.6))
        {
            Give(FeedbackSource.Self, new FeedbackGiver(employee.Id, false, false), employee, Sometime());
        }

        if (peers.Count > 0 && _chance.Percent(0.5))
        {
            Give(FeedbackSource.Peer, new FeedbackGiver(_chance.Pick(peers).Id, true, false), employee, Sometime());
        }

        if (employee.Subordinates.Count > 0 && _chance.Percent(0.5))
        {
            Give(FeedbackSource.Subordinate, new FeedbackGiver(_chance.Pick(employee.Subordinates).Id, false, true), employee, Sometime());
        }

        RespondentGroup[] groups = employee.Work switch
        {
            WorkKind.Guru => [RespondentGroup.Student, RespondentGroup.Parent],
            WorkKind.Kesehatan => [RespondentGroup.Patient],
            WorkKind.Kewilayahan => [RespondentGroup.Citizen],
            _ => [],
        };
        for (var n = groups.Length == 0 ? 0 : _chance.Between(0, 4); n > 0; n--)
        {
            var group = _chance.Pick(groups);
            var day = _chance.DayBetween(new DateOnly(year.Year, 2, 1), last);
            // Students are minors: their answers carry scores only, never free text (UU PDP).
            var comment = group == RespondentGroup.Student ? null : _chance.Pick(PublicRemarks);
            var input = new NewPublicFeedback($"portal-{year.Year}-{++_submissions:D6}", group, Scores(employee), comment);
            Later(_chance.During(day), (_, at) => AppraisalDecisions.ReceivePublicFeedback(_public, working, input, PublicFeedbackCap, day, at));
        }
    }

    private void Give(FeedbackSource source, FeedbackGiver giver, CityEmployee employee, DateTimeOffset at)
    {
        var scores = Scores(employee);
        var remark = _chance.Pick(Remarks);
        var id = _chance.Guid();
        Later(at, (a, when) => AppraisalDecisions.GiveFeedback(a, working, id, source, giver, scores, remark, when));
    }

    private Dictionary<BerAkhlak, int> Scores(CityEmployee employee) =>
        Enumerable.Range(0, 3).Select(_ => _chance.Pick(Enum.GetValues<BerAkhlak>())).Distinct()
            .ToDictionary(v => v, _ => Math.Clamp((int)Math.Round(3.7 + 0.6 * employee.Conduct + 0.5 * _chance.Normal()), 1, 5));

    private void Evaluate(CityEmployee employee, CityEmployee rater, CityEmployee? approver, double ratio)
    {
        var cycle = evaluating!;
        var day = _chance.DayBetween(new DateOnly(year.Year + 1, 1, 6), new DateOnly(year.Year + 1, 1, 16));
        if (_chance.Percent(0.01))
        {
            Do(a => AppraisalDecisions.Excuse(a, cycle, "Cuti besar selama lebih dari enam bulan", CityWriter.Service, Then(day)));
            return;
        }

        var headed = headedUnits.GetValueOrDefault(employee.Id);
        var results = headed is { Result: { } result } ? UnitHeadRule.RatingFor(result)
            : ratio >= 1.08 ? Rating.DiAtasEkspektasi : ratio >= 0.9 ? Rating.SesuaiEkspektasi : Rating.DiBawahEkspektasi;
        var behaviour = employee.Conduct > 1.15 ? Rating.DiAtasEkspektasi : employee.Conduct < -1.9 ? Rating.DiBawahEkspektasi : Rating.SesuaiEkspektasi;
        var rows = _state.LatestPlan!.Rows.Select(r => new RowAssessment(r.Key, Invariant($"Capaian sekitar {ratio * 100:0}% dari target"))).ToList();
        var input = new NewEvaluation(results, behaviour, rows, Invariant($"Realisasi rata-rata {ratio * 100:0}% dari target; perilaku kerja {behaviour}."));
        // The rater evaluates and the rater's superior returns or approves, each as themself: the audit checks who acted.
        Do(a => AppraisalDecisions.Evaluate(a, cycle, input, PredikatTables.Current, rater.Id, Then(day), headed), rater.Nip);
        var by = approver is null ? CityWriter.Service : CityWriter.Asn(approver.Nip, Roles.Supervisor);
        if (_chance.Percent(0.03))
        {
            Do(a => AppraisalDecisions.ReturnEvaluation(a, cycle, "Mohon lengkapi bukti dukung realisasi", by, Then(day.AddDays(1))), approver?.Nip);
            Do(a => AppraisalDecisions.Evaluate(a, cycle, input, PredikatTables.Current, rater.Id, Then(day.AddDays(2)), headed), rater.Nip);
            day = day.AddDays(2);
        }

        Do(a => AppraisalDecisions.ApproveEvaluation(a, cycle, by, Then(day.AddDays(_chance.Between(1, 5)))), approver?.Nip);
    }

    private static int Depth(CityEmployee employee)
    {
        var depth = 0;
        for (var e = employee.Supervisor; e is not null; e = e.Supervisor)
        {
            depth++;
        }

        return depth;
    }

    /// <param name="actorNip">The ASN who took the decision, where the audit checks it; null for what BKPSDM loads (the generator).</param>
    private void Do(Func<Appraisal, IReadOnlyList<object>> decide, string? actorNip = null)
    {
        var events = decide(_state);
        _acts.AddRange(events.Select(e => new StoryAct(e, actorNip)));
        _state = City.Fold(Appraisal.Evolve, _state, events);
        _public = _public.With(events);
    }

    /// <summary>A piece of the year's work, decided when its turn comes in time order.</summary>
    private void Later(DateTimeOffset at, Func<Appraisal, DateTimeOffset, IReadOnlyList<object>> decide) => _year.Add((at, decide));

    /// <summary>An instant on the day, after everything the story has told so far: a stream's events happen in their order.</summary>
    private DateTimeOffset Then(DateOnly day) => Then(_chance.During(day));

    private DateTimeOffset Then(DateTimeOffset at)
    {
        _last = at > _last ? at : _last.AddMinutes(_chance.Between(3, 40));
        return _last;
    }
}
