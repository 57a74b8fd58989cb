using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

public sealed class LeaderExpectationsTests
{
    private static readonly Dictionary<BerAkhlak, string> Expectations = new()
    {
        [BerAkhlak.BerorientasiPelayanan] = "Menanggapi orang tua murid dalam 2 hari kerja",
        [BerAkhlak.Kolaboratif] = "Berbagi perangkat ajar dengan rekan sejawat",
    };

    [Fact]
    public void The_rater_sets_the_expectations_and_the_same_ones_again_change_nothing()
    {
        var set = AppraisalDecisions.SetExpectations(Given(Opened), Cycle(), Expectations, KepalaSekolah, Acting.As("kepsek"), Now).Single()
            .Should().BeOfType<ExpectationsSet>().Subject;
        set.Expectations.Should().Equal(Expectations);
        var state = Given(Opened, set);
        state.LeaderExpectations.Should().Equal(Expectations);

        AppraisalDecisions.SetExpectations(state, Cycle(), new Dictionary<BerAkhlak, string>(Expectations), KepalaSekolah, Acting.As("kepsek"), Now).Should().BeEmpty();
        AppraisalDecisions.SetExpectations(state, Cycle(), new Dictionary<BerAkhlak, string>(), KepalaSekolah, Acting.As("kepsek"), Now).Should().ContainSingle();
    }

    [Fact]
    public void The_employee_cannot_set_their_own_leaders_expectations()
    {
        var act = () => AppraisalDecisions.SetExpectations(Given(Opened), Cycle(), Expectations, Guru, Acting.As("guru"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("rater-is-ratee");
    }

    [Theory]
    [InlineData(CyclePhase.Evaluation, "cycle-phase")]
    [InlineData(CyclePhase.Closed, "cycle-closed")]
    public void Expectations_are_set_while_plans_are_made_and_worked(CyclePhase phase, string code)
    {
        var act = () => AppraisalDecisions.SetExpectations(Given(Opened), Cycle(phase), Expectations, KepalaSekolah, Acting.As("kepsek"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
    }
}
