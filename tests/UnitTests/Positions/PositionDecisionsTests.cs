using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Units;

namespace Kinerja.UnitTests.Positions;

public class PositionDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly UnitKerja Disdik = new(UnitKerja.IdFor("DISDIK"), "DISDIK", "Dinas Pendidikan", null);

    private static readonly NewPosition Kabid = new(
        " disdik-kabid-sd ", " Kepala Bidang Pembinaan SD ", PositionKind.Administrator, null,
        [new RequiredCompetency("teknis.pembelajaran", 3), new RequiredCompetency("MANAJERIAL.INTEGRITAS", 4)], 1);

    private static Jabatan Registered() => PositionDecisions.Register(null, Kabid, Disdik, Now).Aggregate((Jabatan?)null, Jabatan.Evolve)!;

    [Fact]
    public void Registering_upper_cases_the_code_and_competency_codes_sorts_the_requirements_and_names_the_unit()
    {
        var events = PositionDecisions.Register(null, Kabid, Disdik, Now);

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new PositionRegistered(
            Jabatan.IdFor("DISDIK-KABID-SD"), "DISDIK-KABID-SD", "Kepala Bidang Pembinaan SD", Disdik.Id, "DISDIK", PositionKind.Administrator, null,
            [new RequiredCompetency("MANAJERIAL.INTEGRITAS", 4), new RequiredCompetency("TEKNIS.PEMBELAJARAN", 3)], 1, Now));
    }

    [Fact]
    public void Registering_a_code_that_exists_is_refused() =>
        FluentActions.Invoking(() => PositionDecisions.Register(Registered(), Kabid, Disdik, Now))
            .Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("position-already-registered");

    [Fact]
    public void The_same_requirements_in_another_order_and_case_change_nothing() =>
        PositionDecisions.ChangeRequirements(Registered(), [new("manajerial.integritas", 4), new("TEKNIS.PEMBELAJARAN", 3)], Now).Should().BeEmpty();

    [Fact]
    public void New_requirements_replace_the_old_ones()
    {
        var events = PositionDecisions.ChangeRequirements(Registered(), [new("TEKNIS.PEMBELAJARAN", 4)], Now);

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new PositionRequirementsChanged(Registered().Id, [new("TEKNIS.PEMBELAJARAN", 4)], Now));
        events.Aggregate(Registered(), Jabatan.Evolve).Requirements.Should().Equal(new RequiredCompetency("TEKNIS.PEMBELAJARAN", 4));
    }

    [Fact]
    public void Filling_the_last_seat_records_the_previous_count_and_leaves_the_position_not_vacant()
    {
        var events = PositionDecisions.ChangeVacancies(Registered(), 0, Now);

        events.Should().Equal(new PositionVacanciesChanged(Registered().Id, 1, 0, Now));
        var filled = events.Aggregate(Registered(), Jabatan.Evolve);
        filled.Vacant.Should().BeFalse();
        FluentActions.Invoking(() => PositionDecisions.EnsureVacant(filled)).Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("position-not-vacant");
        PositionDecisions.ChangeVacancies(filled, 0, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_retired_position_takes_no_changes_and_no_candidates_and_retiring_again_records_nothing()
    {
        var retired = PositionDecisions.Retire(Registered(), Now).Aggregate(Registered(), Jabatan.Evolve);

        retired.Retired.Should().BeTrue();
        PositionDecisions.Retire(retired, Now).Should().BeEmpty();
        FluentActions.Invoking(() => PositionDecisions.ChangeVacancies(retired, 2, Now)).Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("position-retired");
        FluentActions.Invoking(() => PositionDecisions.ChangeRequirements(retired, [], Now)).Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("position-retired");
        FluentActions.Invoking(() => PositionDecisions.EnsureVacant(retired)).Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("position-retired");
    }

    [Fact]
    public void A_position_id_ignores_the_case_and_spaces_of_its_code_and_differs_from_a_unit_with_the_same_code()
    {
        Jabatan.IdFor(" disdik ").Should().Be(Jabatan.IdFor("DISDIK"));
        Jabatan.IdFor("DISDIK").Should().NotBe(UnitKerja.IdFor("DISDIK"));
    }
}
