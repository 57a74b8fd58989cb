using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Employees;

public class EmployeeHistoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly Start = new(2020, 1, 6);
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid UnitA = Guid.NewGuid();
    private static readonly Guid UnitB = Guid.NewGuid();
    private static readonly Guid UnitC = Guid.NewGuid();
    private static readonly Guid BossA = Guid.NewGuid();
    private static readonly Guid BossB = Guid.NewGuid();
    private static readonly Guid BossC = Guid.NewGuid();
    private static readonly Position Staff = new("Pengelola Data", PositionKind.Pelaksana, null);

    private static Employee Given(params object[] events) =>
        events.Aggregate((Employee?)null, Employee.Evolve) ?? throw new InvalidOperationException("no events");

    private static EmployeeRegistered Registered() =>
        new(Id, "199001012023212004", "Yohanis Pattiasina", EmploymentType.PPPK, UnitA, "A", Staff, null, BossA, null, Start, Now);

    private static SupervisorChanged Supervisor(Guid boss, DateOnly on) => new(Id, boss, null, on, Now);

    private static EmployeeTransferred Transfer(Guid unit, DateOnly on) => new(Id, unit, "X", Staff, null, on, Now);

    [Theory]
    [InlineData("2020-01-05", null)]
    [InlineData("2020-01-06", "A")]
    [InlineData("2024-02-29", "A")]
    [InlineData("2024-03-01", "C")]
    [InlineData("2024-06-30", "C")]
    [InlineData("2024-07-01", "B")]
    public void A_back_dated_supervisor_recorded_later_is_in_force_from_its_own_date(string date, string? expected)
    {
        var employee = Given(Registered(), Supervisor(BossB, new DateOnly(2024, 7, 1)), Supervisor(BossC, new DateOnly(2024, 3, 1)));

        (employee.SupervisorOn(DateOnly.Parse(date))?.SupervisorId).Should().Be(Named(expected));
    }

    [Fact]
    public void Of_two_supervisors_effective_on_the_same_date_the_later_recorded_is_in_force()
    {
        var on = new DateOnly(2024, 7, 1);
        var employee = Given(Registered(), Supervisor(BossB, on), Supervisor(BossC, on));

        employee.SupervisorOn(on)!.SupervisorId.Should().Be(BossC);
        employee.SupervisorOn(on.AddDays(-1))!.SupervisorId.Should().Be(BossA);
    }

    [Theory]
    [InlineData("2020-01-05", null)]
    [InlineData("2024-02-29", "A")]
    [InlineData("2024-03-01", "C")]
    [InlineData("2024-07-01", "B")]
    public void A_back_dated_placement_recorded_later_is_in_force_from_its_own_date(string date, string? expected)
    {
        var employee = Given(Registered(), Transfer(UnitB, new DateOnly(2024, 7, 1)), Transfer(UnitC, new DateOnly(2024, 3, 1)));

        (employee.PlacementOn(DateOnly.Parse(date))?.UnitId).Should().Be(Unit(expected));
    }

    [Fact]
    public void Of_two_placements_effective_on_the_same_date_the_later_recorded_is_in_force()
    {
        var on = new DateOnly(2024, 7, 1);

        Given(Registered(), Transfer(UnitB, on), Transfer(UnitC, on)).PlacementOn(on)!.UnitId.Should().Be(UnitC);
    }

    [Theory]
    [InlineData("2020-01-05", false)]
    [InlineData("2020-01-06", true)]
    [InlineData("2024-12-30", true)]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-06-01", false)]
    public void An_employee_is_employed_from_the_start_date_up_to_but_not_on_the_end_date(string date, bool employed)
    {
        var employee = Given(Registered(), new EmploymentEnded(Id, EmploymentEndReason.ContractEnded, new DateOnly(2024, 12, 31), Now));

        employee.EmployedOn(DateOnly.Parse(date)).Should().Be(employed);
    }

    [Fact]
    public void An_employee_whose_employment_has_not_ended_is_employed_on_any_later_date() =>
        Given(Registered()).EmployedOn(DateOnly.MaxValue).Should().BeTrue();

    private static Guid? Named(string? boss) => boss switch { "A" => BossA, "B" => BossB, "C" => BossC, _ => null };

    private static Guid? Unit(string? unit) => unit switch { "A" => UnitA, "B" => UnitB, "C" => UnitC, _ => null };
}
