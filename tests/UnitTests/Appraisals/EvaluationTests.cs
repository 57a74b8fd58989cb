using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

public sealed class EvaluationTests
{
    private static readonly NewEvaluation Good = new(Rating.DiAtasEkspektasi, Rating.DiAtasEkspektasi, [new RowAssessment("R1", " Tuntas ")], "Semua target tercapai");

    private static EvaluationSubmitted Submitted(Appraisal appraisal, NewEvaluation? input = null) =>
        (EvaluationSubmitted)AppraisalDecisions.Evaluate(appraisal, Cycle(CyclePhase.Evaluation), input ?? Good, PredikatTables.Current, KepalaSekolah, Now).Single();

    [Fact]
    public void The_evaluation_records_the_predikat_and_the_version_of_the_table_that_produced_it()
    {
        var submitted = Submitted(Given(Agreed));

        submitted.Predikat.Should().Be(Predikat.SangatBaik);
        submitted.PredikatTableVersion.Should().Be("PermenPANRB 6/2022");
        submitted.EvaluatedBy.Should().Be(KepalaSekolah);
        submitted.RowAssessments.Single().Assessment.Should().Be("Tuntas");
    }

    [Fact]
    public void Another_table_version_is_recorded_as_that_version()
    {
        var cells = Enum.GetValues<Rating>().SelectMany(h => Enum.GetValues<Rating>().Select(p => (h, p))).ToDictionary(c => c, _ => Predikat.Baik);
        var table = new PredikatTable("Uji 1/2027", cells);

        var submitted = (EvaluationSubmitted)AppraisalDecisions.Evaluate(Given(Agreed), Cycle(CyclePhase.Evaluation), Good, table, KepalaSekolah, Now).Single();

        (submitted.Predikat, submitted.PredikatTableVersion).Should().Be((Predikat.Baik, "Uji 1/2027"));
    }

    [Fact]
    public void Approval_makes_the_evaluation_final_and_a_repeated_approval_appends_nothing()
    {
        var submitted = Submitted(Given(Agreed));
        var approved = AppraisalDecisions.ApproveEvaluation(Given(Agreed, submitted), Cycle(CyclePhase.Evaluation), Acting.As("pengawas"), Now).Single();

        approved.Should().BeOfType<EvaluationApproved>().Which.Predikat.Should().Be(Predikat.SangatBaik);
        AppraisalDecisions.ApproveEvaluation(Given(Agreed, submitted, approved), Cycle(CyclePhase.Evaluation), Acting.As("pengawas"), Now).Should().BeEmpty();
        var reevaluate = () => Submitted(Given(Agreed, submitted, approved));
        reevaluate.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-final");
    }

    [Fact]
    public void A_returned_evaluation_is_evaluated_again_and_its_new_predikat_is_the_one_approved()
    {
        var first = Submitted(Given(Agreed));
        var returned = AppraisalDecisions.ReturnEvaluation(Given(Agreed, first), Cycle(CyclePhase.Evaluation), "Perilaku belum tepat", Acting.As("pengawas"), Now).Single();
        var second = Submitted(Given(Agreed, first, returned), Good with { Behaviour = Rating.SesuaiEkspektasi });

        var approved = (EvaluationApproved)AppraisalDecisions.ApproveEvaluation(Given(Agreed, first, returned, second), Cycle(CyclePhase.Evaluation), Acting.As("pengawas"), Now).Single();

        approved.Predikat.Should().Be(Predikat.Baik);
    }

    [Fact]
    public void Evaluation_needs_an_agreed_plan_and_the_evaluation_phase()
    {
        var noPlan = () => Submitted(Given(Opened));
        noPlan.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("plan-not-agreed");
        var early = () => AppraisalDecisions.Evaluate(Given(Agreed), Cycle(), Good, PredikatTables.Current, KepalaSekolah, Now);
        early.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-phase");
        var closed = () => AppraisalDecisions.ApproveEvaluation(Given(Agreed, Submitted(Given(Agreed))), Cycle(CyclePhase.Closed), Acting.As("pengawas"), Now);
        closed.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
    }

    [Fact]
    public void The_ratee_cannot_evaluate_and_rows_must_be_in_the_plan()
    {
        var own = () => AppraisalDecisions.Evaluate(Given(Agreed), Cycle(CyclePhase.Evaluation), Good, PredikatTables.Current, Guru, Now);
        own.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("rater-is-ratee");
        var unknownRow = () => Submitted(Given(Agreed), Good with { RowAssessments = [new RowAssessment("R9", "?")] });
        unknownRow.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("unknown-plan-row");
    }

    [Fact]
    public void Nothing_is_approved_or_returned_before_it_is_submitted()
    {
        var approve = () => AppraisalDecisions.ApproveEvaluation(Given(Agreed), Cycle(CyclePhase.Evaluation), Acting.As("pengawas"), Now);
        approve.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-not-submitted");
        var ret = () => AppraisalDecisions.ReturnEvaluation(Given(Agreed), Cycle(CyclePhase.Evaluation), "x", Acting.As("pengawas"), Now);
        ret.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-not-submitted");
    }

    [Fact]
    public void An_excused_appraisal_is_not_evaluated_a_final_one_is_not_excused_and_a_repeated_excusal_changes_nothing()
    {
        var excused = AppraisalDecisions.Excuse(Given(Agreed), Cycle(CyclePhase.Evaluation), " Cuti besar ", Acting.As("hr"), Now).Single();
        excused.Should().BeOfType<AppraisalExcused>().Which.Reason.Should().Be("Cuti besar");

        AppraisalDecisions.Excuse(Given(Agreed, excused), Cycle(CyclePhase.Evaluation), "Cuti besar", Acting.As("hr"), Now).Should().BeEmpty();
        var evaluate = () => Submitted(Given(Agreed, excused));
        evaluate.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("appraisal-excused");
        var submitted = Submitted(Given(Agreed));
        var approved = new EvaluationApproved(Id, Predikat.SangatBaik, Acting.As("pengawas"), Now);
        var excuseFinal = () => AppraisalDecisions.Excuse(Given(Agreed, submitted, approved), Cycle(CyclePhase.Evaluation), "x", Acting.As("hr"), Now);
        excuseFinal.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-final");
    }
}
