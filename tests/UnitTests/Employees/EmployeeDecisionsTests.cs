using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Units;

namespace Kinerja.UnitTests.Employees;

public class EmployeeDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly Start = new(2020, 1, 6);
    private static readonly UnitKerja Disdik = new(UnitKerja.IdFor("DISDIK"), "DISDIK", "Dinas Pendidikan", null);
    private static readonly UnitKerja Dinkes = new(UnitKerja.IdFor("DINKES"), "DINKES", "Dinas Kesehatan", null);
    private static readonly Position Guru = new("Guru Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda);
    private static readonly Position Kasubag = new("Kepala Subbagian Umum", PositionKind.Pengawas, null);

    private static readonly Guid EmployeeId = Guid.NewGuid();
    private static readonly Guid BossId = Guid.NewGuid();
    private static readonly Guid OtherBossId = Guid.NewGuid();

    private static Employee Given(params object[] events) =>
        events.Aggregate((Employee?)null, Employee.Evolve) ?? throw new InvalidOperationException("no events");

    private static EmployeeRegistered Registered(Guid id, string nip, Guid? supervisorId = null, string? supervisorNip = null) =>
        new(id, nip, "Maria Latuconsina", EmploymentType.PNS, Disdik.Id, Disdik.Code, Guru, "III/c", supervisorId, supervisorNip, Start, Now);

    private static Employee Ana => Given(Registered(EmployeeId, "198609262015052001", BossId, "197501012000031001"));

    private static Employee Boss => Given(Registered(BossId, "197501012000031001"));

    private static Employee OtherBoss => Given(Registered(OtherBossId, "197702022001121002"));

    [Fact]
    public void Registering_an_employee_records_their_unit_position_golongan_supervisor_and_trimmed_name()
    {
        var input = new NewEmployee("198609262015052001", "  Maria Latuconsina ", EmploymentType.PNS, Guru, "III/c", Start);

        var events = EmployeeDecisions.Register(EmployeeId, input, Disdik, Boss, Now);

        events.Should().Equal(new EmployeeRegistered(
            EmployeeId, "198609262015052001", "Maria Latuconsina", EmploymentType.PNS, Disdik.Id, "DISDIK", Guru, "III/c",
            BossId, "197501012000031001", Start, Now));
    }

    [Fact]
    public void Registering_under_a_supervisor_whose_employment_has_ended_is_refused()
    {
        var retired = Given(Registered(BossId, "197501012000031001"), new EmploymentEnded(BossId, EmploymentEndReason.Retired, Start, Now));
        var input = new NewEmployee("198609262015052001", "Maria", EmploymentType.PNS, Guru, "III/c", Start);

        var act = () => EmployeeDecisions.Register(EmployeeId, input, Disdik, retired, Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("supervisor-not-employed");
    }

    [Fact]
    public void Transferring_to_another_unit_records_the_new_placement()
    {
        var on = new DateOnly(2024, 7, 1);

        var events = EmployeeDecisions.Transfer(Ana, Dinkes, Kasubag, "III/d", on, Now);

        events.Should().Equal(new EmployeeTransferred(EmployeeId, Dinkes.Id, "DINKES", Kasubag, "III/d", on, Now));
    }

    [Fact]
    public void Repeating_a_transfer_already_in_force_on_that_date_records_nothing()
    {
        var on = new DateOnly(2024, 7, 1);
        var ana = Given(Registered(EmployeeId, "198609262015052001"), new EmployeeTransferred(EmployeeId, Dinkes.Id, "DINKES", Kasubag, "III/d", on, Now));

        EmployeeDecisions.Transfer(ana, Dinkes, Kasubag, "III/d", on, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_transfer_effective_before_the_employment_started_is_refused()
    {
        var act = () => EmployeeDecisions.Transfer(Ana, Dinkes, Kasubag, "III/d", Start.AddDays(-1), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("effective-before-start");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("IV/f")]
    [InlineData("iii/c")]
    public void A_transfer_of_a_PNS_without_a_real_golongan_is_refused(string? golongan)
    {
        var act = () => EmployeeDecisions.Transfer(Ana, Dinkes, Kasubag, golongan, new DateOnly(2024, 7, 1), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("golongan-invalid");
    }

    [Fact]
    public void Naming_an_employee_as_their_own_supervisor_is_refused()
    {
        var act = () => EmployeeDecisions.ChangeSupervisor(Ana, Ana, [], new DateOnly(2024, 7, 1), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("self-supervision");
    }

    [Fact]
    public void A_supervisor_whose_employment_ended_on_the_effective_date_is_refused()
    {
        var on = new DateOnly(2024, 7, 1);
        var gone = Given(Registered(OtherBossId, "197702022001121002"), new EmploymentEnded(OtherBossId, EmploymentEndReason.Retired, on, Now));

        var act = () => EmployeeDecisions.ChangeSupervisor(Ana, gone, [], on, Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("supervisor-not-employed");
    }

    [Fact]
    public void Naming_a_supervisor_who_is_below_the_employee_in_the_line_of_superiors_is_refused()
    {
        var act = () => EmployeeDecisions.ChangeSupervisor(Ana, OtherBoss, [Guid.NewGuid(), EmployeeId], new DateOnly(2024, 7, 1), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("supervision-cycle");
    }

    [Fact]
    public void Changing_to_another_supervisor_records_the_change()
    {
        var on = new DateOnly(2024, 7, 1);

        EmployeeDecisions.ChangeSupervisor(Ana, OtherBoss, [], on, Now)
            .Should().Equal(new SupervisorChanged(EmployeeId, OtherBossId, "197702022001121002", on, Now, SupervisorBasis.Named));
    }

    [Fact]
    public void Changing_to_the_supervisor_already_in_force_records_nothing() =>
        EmployeeDecisions.ChangeSupervisor(Ana, Boss, [], new DateOnly(2024, 7, 1), Now).Should().BeEmpty();

    [Fact]
    public void Correcting_a_nip_to_the_same_value_records_nothing() =>
        EmployeeDecisions.CorrectNip(Ana, Ana.Nip, "typo", Now).Should().BeEmpty();

    [Fact]
    public void Correcting_a_nip_records_the_new_and_the_previous_value()
    {
        var events = EmployeeDecisions.CorrectNip(Ana, "198609262015052002", " BKN letter 12/2025 ", Now);

        events.Should().Equal(new NipCorrected(EmployeeId, "198609262015052001", "198609262015052002", "BKN letter 12/2025", Now));
        Given(Registered(EmployeeId, "198609262015052001"), events[0]).Nip.Should().Be("198609262015052002");
    }

    [Fact]
    public void Recording_an_assessment_identical_to_the_latest_records_nothing()
    {
        CompetencyLevel[] levels = [new("INT", 3), new("KRJ", 4)];
        var on = new DateOnly(2025, 2, 1);
        var first = EmployeeDecisions.RecordCompetencyAssessment(Ana, levels, Potential.Tinggi, on, "BKPSDM", Now);
        var assessed = Given([Registered(EmployeeId, "198609262015052001"), .. first]);

        first.Should().ContainSingle().Which.Should().BeOfType<CompetencyAssessed>().Which.Potential.Should().Be(Potential.Tinggi);
        EmployeeDecisions.RecordCompetencyAssessment(assessed, [new("INT", 3), new("KRJ", 4)], Potential.Tinggi, on, " BKPSDM ", Now).Should().BeEmpty();
        EmployeeDecisions.RecordCompetencyAssessment(assessed, [new("INT", 3), new("KRJ", 5)], Potential.Tinggi, on, "BKPSDM", Now).Should().ContainSingle();
    }

    [Fact]
    public void After_employment_ends_a_transfer_is_refused()
    {
        var ended = Given(Registered(EmployeeId, "198609262015052001"), new EmploymentEnded(EmployeeId, EmploymentEndReason.Resigned, new DateOnly(2024, 12, 31), Now));

        var act = () => EmployeeDecisions.Transfer(ended, Disdik, Guru, "III/c", new DateOnly(2024, 6, 1), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("employment-ended");
    }

    [Fact]
    public void Ending_employment_records_the_reason_and_date_and_a_repeat_with_that_date_records_nothing()
    {
        var on = new DateOnly(2024, 12, 31);
        var events = EmployeeDecisions.EndEmployment(Ana, EmploymentEndReason.Retired, on, Now);

        events.Should().Equal(new EmploymentEnded(EmployeeId, EmploymentEndReason.Retired, on, Now));
        EmployeeDecisions.EndEmployment(Given([Registered(EmployeeId, "198609262015052001"), .. events]), EmploymentEndReason.Retired, on, Now)
            .Should().BeEmpty();
    }

    [Fact]
    public void Ending_an_ended_employment_on_a_different_date_is_refused()
    {
        var ended = Given(Registered(EmployeeId, "198609262015052001"), new EmploymentEnded(EmployeeId, EmploymentEndReason.Resigned, new DateOnly(2024, 12, 31), Now));

        var act = () => EmployeeDecisions.EndEmployment(ended, EmploymentEndReason.Resigned, new DateOnly(2025, 1, 31), Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("employment-ended");
    }

    [Fact]
    public void A_Plh_recorded_for_a_superior_acts_for_them_within_the_period_only()
    {
        var assigned = (ActingOfficialAssigned)EmployeeDecisions.AssignActing(Boss, OtherBoss, ActingKind.Plh, new(2025, 3, 10), new(2025, 3, 21), Now).Single();
        var boss = Given(Registered(BossId, "197501012000031001"), assigned);
        (boss.ActedForBy(OtherBossId, new(2025, 3, 10)), boss.ActedForBy(OtherBossId, new(2025, 3, 21))).Should().Be((true, true));
        (boss.ActedForBy(OtherBossId, new(2025, 3, 9)), boss.ActedForBy(OtherBossId, new(2025, 3, 22)), boss.ActedForBy(EmployeeId, new(2025, 3, 15)))
            .Should().Be((false, false, false));
        EmployeeDecisions.AssignActing(boss, OtherBoss, ActingKind.Plh, new(2025, 3, 10), new(2025, 3, 21), Now).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-09", "acting-period-invalid")]
    [InlineData("2019-12-01", "2020-03-01", "supervisor-not-employed")]
    public void An_acting_period_backwards_or_outside_the_acting_officials_employment_is_refused(string from, string to, string code)
    {
        var act = () => EmployeeDecisions.AssignActing(Boss, OtherBoss, ActingKind.Plt, DateOnly.Parse(from), DateOnly.Parse(to), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Nobody_acts_for_themselves()
    {
        var act = () => EmployeeDecisions.AssignActing(Boss, Boss, ActingKind.Plt, new(2025, 3, 10), new(2025, 3, 21), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("acting-for-self");
    }

    [Fact]
    public void A_superior_derived_from_the_units_head_says_so()
    {
        var on = new DateOnly(2024, 7, 1);
        var changed = (SupervisorChanged)EmployeeDecisions.ChangeSupervisor(Ana, OtherBoss, [], on, Now, SupervisorBasis.UnitHead).Single();
        changed.Basis.Should().Be(SupervisorBasis.UnitHead);
        Given(Registered(EmployeeId, "198609262015052001", BossId, "197501012000031001"), changed).SupervisorOn(on)!.Basis.Should().Be(SupervisorBasis.UnitHead);
    }
}
