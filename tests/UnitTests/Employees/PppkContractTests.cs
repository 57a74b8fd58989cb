using Kinerja.Domain;
using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Employees;

public sealed class PppkContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 15, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid Id = Guid.NewGuid();

    private static Employee Pppk(params object[] later) => new object[]
    {
        new EmployeeRegistered(Id, "199001012023212004", "Yohanis Pattiasina", EmploymentType.PPPK, Guid.NewGuid(), "DINKES",
            new Position("Perawat Ahli Pertama", PositionKind.FungsionalKeahlian, PositionLevel.AhliPertama), null, null, null, new DateOnly(2023, 3, 1), Now),
    }.Concat(later).Aggregate((Employee?)null, Employee.Evolve)!;

    private static string Refused(Func<IReadOnlyList<object>> act) => act.Should().Throw<DomainRuleViolation>().Which.Code;

    [Fact]
    public void A_first_agreement_is_recorded_and_one_that_follows_it_is_its_renewal()
    {
        var first = (ContractRecorded)EmployeeDecisions.RecordContract(Pppk(), "PK-001", new(2023, 3, 1), new(2025, 2, 28), Now).Single();
        first.Renewal.Should().BeFalse();
        var renewed = (ContractRecorded)EmployeeDecisions.RecordContract(Pppk(first), "PK-002", new(2025, 3, 1), new(2030, 2, 28), Now).Single();
        renewed.Renewal.Should().BeTrue();
        Pppk(first, renewed).ContractOn(new DateOnly(2026, 9, 15))!.Reference.Should().Be("PK-002");
        EmployeeDecisions.RecordContract(Pppk(first), "PK-001", new(2023, 3, 1), new(2025, 2, 28), Now).Should().BeEmpty();
    }

    [Fact]
    public void An_agreement_shorter_than_a_year_overlapping_another_or_for_a_PNS_is_refused()
    {
        Refused(() => EmployeeDecisions.RecordContract(Pppk(), "PK-1", new(2023, 3, 1), new(2024, 2, 27), Now)).Should().Be("contract-too-short");
        var first = EmployeeDecisions.RecordContract(Pppk(), "PK-1", new(2023, 3, 1), new(2025, 2, 28), Now).Single();
        Refused(() => EmployeeDecisions.RecordContract(Pppk(first), "PK-2", new(2025, 1, 1), new(2027, 12, 31), Now)).Should().Be("contract-overlaps");
        var pns = Pppk() with { EmploymentType = EmploymentType.PNS };
        Refused(() => EmployeeDecisions.RecordContract(pns, "PK-1", new(2023, 3, 1), new(2025, 2, 28), Now)).Should().Be("contract-not-pppk");
    }

    /// <summary>The one-year minimum of the reference data (PP 49/2018 art. 37(1)).</summary>
    [Fact]
    public void An_agreement_of_exactly_one_year_is_the_shortest_allowed()
    {
        PppkContract.MinimumYears.Should().Be(1);
        EmployeeDecisions.RecordContract(Pppk(), "PK-1", new(2023, 3, 1), new(2024, 2, 29), Now).Should().ContainSingle();
    }

    [Theory]
    [InlineData("2023-03-01", "2023-03-01", "2024-02-29")]
    [InlineData("2024-02-29", "2023-03-01", "2024-02-29")]
    [InlineData("2024-03-01", "2024-03-01", "2025-02-28")]
    [InlineData("2027-12-31", "2027-03-01", "2027-12-31")]
    public void Agreement_years_count_from_its_start_and_the_last_stops_at_its_end(string on, string start, string end)
    {
        var contract = new PppkContract("PK-1", new(2023, 3, 1), new(2027, 12, 31), false);
        contract.YearOf(DateOnly.Parse(on)).Should().Be((DateOnly.Parse(start), DateOnly.Parse(end)));
    }
}
