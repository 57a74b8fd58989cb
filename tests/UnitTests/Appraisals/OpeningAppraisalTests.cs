using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

public sealed class OpeningAppraisalTests
{
    [Fact]
    public void An_appraisal_is_opened_with_the_rater_and_approver_the_registry_names_on_the_reference_date()
    {
        var opened = AppraisalDecisions.Open(null, Id, Cycle(CyclePhase.Planning), Facts(), Now).Single().Should().BeOfType<AppraisalOpened>().Subject;
        opened.Should().BeEquivalentTo(new { AppraisalId = Id, RaterId = KepalaSekolah, ApproverId = (Guid?)Pengawas, ResolvedOn = Today, UnitCode = "DISDIK" });
    }

    [Fact]
    public void The_appraisal_id_is_the_same_for_the_same_cycle_and_employee_and_differs_otherwise()
    {
        Appraisal.IdFor(CycleId, Guru).Should().Be(Id);
        Appraisal.IdFor(CycleId, KepalaSekolah).Should().NotBe(Id);
        Appraisal.IdFor(Guid.CreateVersion7(), Guru).Should().NotBe(Id);
    }

    [Theory]
    [InlineData("no-rater")]
    [InlineData("rater-is-ratee")]
    [InlineData("rater-not-employed")]
    [InlineData("not-in-cycle-scope")]
    [InlineData("appraisal-already-open")]
    [InlineData("cycle-closed")]
    public void Opening_is_refused_with_a_clear_code(string code)
    {
        var facts = Facts();
        var cycle = Cycle();
        Appraisal? existing = null;
        switch (code)
        {
            case "no-rater": facts = facts with { RaterId = null, RaterNip = null }; break;
            case "rater-is-ratee": facts = facts with { RaterId = Guru }; break;
            case "rater-not-employed": facts = facts with { RaterEmployed = false }; break;
            case "not-in-cycle-scope": facts = facts with { InScope = false }; break;
            case "appraisal-already-open": existing = Given(Opened); break;
            default: cycle = Cycle(CyclePhase.Closed); break;
        }

        var act = () => AppraisalDecisions.Open(existing, Id, cycle, facts, Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Resolving_the_rater_again_records_a_change_only_when_the_registry_names_someone_else()
    {
        AppraisalDecisions.ReassignRater(Given(Opened), Cycle(), Facts(), Now).Should().BeEmpty();
        var other = Guid.CreateVersion7();
        var changed = AppraisalDecisions.ReassignRater(Given(Opened), Cycle(), Facts(other), Now).Single();
        Given(Opened, changed).RaterId.Should().Be(other);
    }
}
