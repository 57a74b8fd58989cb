using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

public sealed class PlanDialogTests
{
    [Fact]
    public void A_returned_draft_is_redrafted_in_the_same_version_and_agreed_by_the_rater()
    {
        var drafted = AppraisalDecisions.DraftPlan(Given(Opened), Cycle(), Plan(), Now).Single().Should().BeOfType<PlanDrafted>().Subject;
        drafted.Version.Should().Be(1);
        var submitted = AppraisalDecisions.SubmitPlan(Given(Opened, drafted), Cycle(), Now).Single();
        var returned = AppraisalDecisions.ReturnPlan(Given(Opened, drafted, submitted), Cycle(), 1, "Tambahkan target kualitas", KepalaSekolah, Acting.As("kepsek"), Now).Single();

        var redrafted = (PlanDrafted)AppraisalDecisions.DraftPlan(Given(Opened, drafted, submitted, returned), Cycle(), Plan("3"), Now).Single();
        redrafted.Version.Should().Be(1);
        var resubmitted = AppraisalDecisions.SubmitPlan(Given(Opened, drafted, submitted, returned, redrafted), Cycle(), Now).Single();
        var agreed = AppraisalDecisions.AgreePlan(Given(Opened, drafted, submitted, returned, redrafted, resubmitted), Cycle(), 1, KepalaSekolah, Acting.As("kepsek"), Now);

        var state = Given([Opened, drafted, submitted, returned, redrafted, resubmitted, .. agreed]);
        state.PlanStatus.Should().Be(PlanStatus.Agreed);
        state.AgreedIndicators.Should().BeEquivalentTo(["R1.1"]);
    }

    [Fact]
    public void A_change_after_agreement_is_a_new_version_and_the_same_content_again_changes_nothing()
    {
        AppraisalDecisions.DraftPlan(Given(Agreed), Cycle(), Plan(), Now).Should().BeEmpty();
        var revised = (PlanDrafted)AppraisalDecisions.DraftPlan(Given(Agreed), Cycle(), Plan("4"), Now).Single();
        revised.Version.Should().Be(2);
        Given(Agreed, revised).AgreedIndicators.Should().Contain("R1.1", "the agreed version stays in force until the next is agreed");
    }

    [Fact]
    public void The_ratee_cannot_agree_their_own_plan()
    {
        var submitted = Given(Opened, new PlanDrafted(Id, 1, Plan(), Now), new PlanSubmitted(Id, 1, Now));
        var act = () => AppraisalDecisions.AgreePlan(submitted, Cycle(), 1, Guru, Acting.As("guru"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("rater-is-ratee");
    }

    [Theory]
    [InlineData(2, "plan-version-mismatch")]
    [InlineData(1, "plan-not-submitted")]
    public void Agreement_needs_the_current_submitted_version(int version, string code)
    {
        var draft = Given(Opened, new PlanDrafted(Id, 1, Plan(), Now));
        var act = () => AppraisalDecisions.AgreePlan(draft, Cycle(), version, KepalaSekolah, Acting.As("kepsek"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_submitted_plan_cannot_be_redrafted_until_it_is_returned()
    {
        var submitted = Given(Opened, new PlanDrafted(Id, 1, Plan(), Now), new PlanSubmitted(Id, 1, Now));
        var act = () => AppraisalDecisions.DraftPlan(submitted, Cycle(), Plan("5"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("plan-awaiting-agreement");
    }

    [Fact]
    public void A_plan_without_a_Utama_row_or_with_repeated_keys_is_refused()
    {
        var tambahanOnly = Plan() with { Rows = [Plan().Rows[0] with { Kind = RowKind.Tambahan }] };
        Kinerja.Domain.Appraisals.Plan.Problem(tambahanOnly)!.English.Should().Contain("Utama");
        var repeated = Plan() with { Rows = [.. Plan().Rows, Plan().Rows[0]] };
        var act = () => AppraisalDecisions.DraftPlan(Given(Opened), Cycle(), repeated, Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("plan-invalid");
    }

    [Fact]
    public void Plans_are_not_drafted_during_evaluation()
    {
        var act = () => AppraisalDecisions.DraftPlan(Given(Opened), Cycle(CyclePhase.Evaluation), Plan(), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-phase");
    }
}
