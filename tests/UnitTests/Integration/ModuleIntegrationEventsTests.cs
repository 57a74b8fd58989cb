using System.Text.Json;
using Kinerja.Application.Integration;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Integration;

public sealed class ModuleIntegrationEventsTests
{
    private static readonly Guid Employee = Guid.Parse("01a22148-1b30-713c-b337-fa060fc68f6a");
    private static readonly Guid Cycle = Guid.Parse("01a22148-0000-7000-8000-00000000c1c1");
    private static readonly Guid Appraisal = Guid.Parse("01a22148-0000-7000-8000-0000000a0a0a");
    private static readonly Guid Grant = Guid.Parse("01a22148-0000-7000-8000-000000009999");
    private static readonly DateTimeOffset At = new(2026, 8, 3, 2, 0, 0, TimeSpan.Zero);
    private const string Nip = "198609262015051001";

    private static FeedContextStub Context()
    {
        var context = new FeedContextStub();
        context.NipIs(Employee, Nip);
        return context;
    }

    private static JsonElement Payload(IntegrationEventDraft? draft) => JsonSerializer.SerializeToElement(draft!.Payload, IntegrationJson.Options);

    [Fact]
    public async Task An_agreed_plan_and_a_final_evaluation_name_the_employee_and_cycle_their_appraisal_was_opened_for()
    {
        var mapping = new AppraisalIntegrationEvents();
        var context = Context();
        var opened = await mapping.Map(
            new AppraisalOpened(Appraisal, Cycle, Employee, Nip, "DISDIK", Guid.NewGuid(), "197501012000031002", null, null, new DateOnly(2026, 7, 1), At),
            context, CancellationToken.None);
        var agreed = await mapping.Map(new PlanAgreed(Appraisal, 2, Acting.As("rater-user"), At), context, CancellationToken.None);
        var finalised = await mapping.Map(new EvaluationApproved(Appraisal, Kinerja.Domain.Evaluations.Predikat.SangatBaik, Acting.As("approver"), At), context, CancellationToken.None);

        opened!.Type.Should().Be("appraisal.opened", "a mirror learns of an appraisal when it is opened (contract edition 2026-12)");
        Payload(opened).GetProperty("raterNip").GetString().Should().Be("197501012000031002");
        agreed!.Type.Should().Be("skp.plan-agreed");
        var payload = Payload(agreed);
        payload.GetProperty("nip").GetString().Should().Be(Nip);
        payload.GetProperty("employeeId").GetGuid().Should().Be(Employee);
        payload.GetProperty("cycleId").GetGuid().Should().Be(Cycle);
        payload.GetProperty("planVersion").GetInt32().Should().Be(2);
        finalised!.Type.Should().Be("appraisal.evaluation-finalised");
        Payload(finalised).GetProperty("predikat").GetString().Should().Be("SangatBaik");
        Payload(finalised).GetProperty("cycleId").GetGuid().Should().Be(Cycle);
    }

    [Fact]
    public async Task A_closed_cycle_is_published_with_who_closed_it()
    {
        var closed = await new AppraisalIntegrationEvents().Map(new CycleClosed(Cycle, Acting.As("sari.bkpsdm"), At), Context(), CancellationToken.None);
        closed!.Type.Should().Be("appraisal.cycle-closed");
        Payload(closed).GetProperty("closedBy").GetString().Should().Be("sari.bkpsdm");
    }

    [Fact]
    public async Task Every_step_of_a_grant_names_the_employee_the_request_was_for_and_a_cancellation_says_why()
    {
        var mapping = new TrainingIntegrationEvents();
        var context = Context();
        var requested = await mapping.Map(new TrainingGrantRequested(
            Grant, Employee, Nip, EmploymentType.PNS, Guid.NewGuid(), "DINKES", 2026, "Pelatihan Gizi", "Bapelkes", TrainingTrack.PelatihanKlasikal,
            ["TEKNIS.GIZI"], 32, 7_500_000, new Funding(FundingSource.UnitBudget, null), new GrantReason(GrantBasis.CompetencyGap, "gap", []), At),
            context, CancellationToken.None);
        var approved = await mapping.Map(new TrainingGrantApproved(Grant, null, At), context, CancellationToken.None);
        var completed = await mapping.Map(
            new TrainingGrantCompleted(Grant, new DateOnly(2026, 9, 4), 30, 7_250_000, "STTPP 445/2026", null, At), context, CancellationToken.None);

        var rejected = await mapping.Map(new TrainingGrantRejected(Grant, "Anggaran habis", At), context, CancellationToken.None);
        var cancelled = await mapping.Map(new TrainingGrantCancelled(Grant, "Kelas dibatalkan penyelenggara", At), context, CancellationToken.None);

        requested!.Type.Should().Be("training.grant-requested", "a mirror follows a grant from its request (contract edition 2026-12)");
        Payload(requested).GetProperty("unitCode").GetString().Should().Be("DINKES");
        rejected!.Type.Should().Be("training.grant-rejected");
        Payload(rejected).GetProperty("reason").GetString().Should().Be("Anggaran habis");
        cancelled!.Type.Should().Be("training.grant-cancelled");
        Payload(cancelled).GetProperty("nip").GetString().Should().Be(Nip);
        Payload(cancelled).GetProperty("reason").GetString().Should().Be("Kelas dibatalkan penyelenggara");
        approved!.Type.Should().Be("training.grant-approved");
        Payload(approved).GetProperty("nip").GetString().Should().Be(Nip);
        completed!.Type.Should().Be("training.grant-completed");
        Payload(completed).GetProperty("attendedJp").GetInt32().Should().Be(30);
        Payload(completed).GetProperty("actualCost").GetInt64().Should().Be(7_250_000);
    }

    [Fact]
    public async Task Returns_corrections_and_excusals_of_an_appraisal_are_published_for_its_employee_and_cycle()
    {
        var mapping = new AppraisalIntegrationEvents();
        var context = Context();
        context.SubjectIs(Appraisal, new StreamSubject(Employee, Cycle));
        var evidence = new Evidence(null, null, "Daftar hadir");
        var drafts = new object[]
        {
            new PlanReturned(Appraisal, 1, "Target belum terukur", Acting.As("rater"), At),
            new RealisationCorrected(Appraisal, Guid.NewGuid(), Guid.NewGuid(), "IKI-1", 12, evidence, new DateOnly(2026, 8, 1), "Salah ketik", At),
            new EvaluationReturned(Appraisal, "Lengkapi bukti dukung", Acting.As("approver"), At),
            new AppraisalExcused(Appraisal, "Cuti besar", Acting.As("hr"), At),
        };

        var mapped = new List<IntegrationEventDraft>();
        foreach (var e in drafts)
        {
            mapped.Add((await mapping.Map(e, context, CancellationToken.None))!);
        }

        mapped.Select(d => d.Type).Should().Equal("skp.plan-returned", "skp.realisation-corrected", "appraisal.evaluation-returned", "appraisal.excused");
        mapped.Select(d => Payload(d).GetProperty("cycleId").GetGuid()).Should().OnlyContain(c => c == Cycle);
        mapped.Select(d => Payload(d).GetProperty("nip").GetString()).Should().OnlyContain(n => n == Nip);
        Payload(mapped[1]).GetProperty("reason").GetString().Should().Be("Salah ketik");
    }

    [Fact]
    public async Task Units_are_published_by_code_with_their_parent_and_head()
    {
        var mapping = new UnitIntegrationEvents();
        var context = Context();
        var parent = Guid.NewGuid();
        var unit = Guid.NewGuid();
        context.UnitCodes[parent] = "DISDIK";
        context.UnitCodes[unit] = "SMPN9";

        var registered = await mapping.Map(new Kinerja.Domain.Units.UnitRegistered(unit, "SMPN9", "SMP Negeri 9", parent, At), context, CancellationToken.None);
        var head = await mapping.Map(new Kinerja.Domain.Units.UnitHeadAssigned(unit, null, null, new DateOnly(2026, 7, 1), At), context, CancellationToken.None);

        registered!.Type.Should().Be("unit.registered");
        Payload(registered).GetProperty("parentCode").GetString().Should().Be("DISDIK");
        head!.Type.Should().Be("unit.head-assigned");
        Payload(head).GetProperty("code").GetString().Should().Be("SMPN9");
        Payload(head).GetProperty("headNip").ValueKind.Should().Be(JsonValueKind.Null, "a vacant post is published as such");
    }
}
