using FluentValidation.Results;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.RecordingCompetencyAssessment;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Employees;

public class ValidatorTests
{
    private static readonly RegisterEmployee Valid = new(
        "198609262015052001", "Maria Latuconsina", EmploymentType.PNS, "DISDIK",
        new PositionInput("Guru Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda),
        "III/c", "197501012000031001", new DateOnly(2020, 1, 6));

    private static readonly RecordCompetencyAssessment Assessment = new(
        "198609262015052001", [new("INT", 3), new("KRJ", 4)], Potential.Menengah, new DateOnly(2025, 2, 1), "BKPSDM");

    private static IEnumerable<string> Failed(ValidationResult result) => result.Errors.Select(e => e.PropertyName).Distinct();

    [Fact]
    public void A_complete_registration_passes() =>
        new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid).Errors.Should().BeEmpty();

    [Fact]
    public void A_PPPK_registration_without_golongan_passes() =>
        new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Nip = "199001012023212004", EmploymentType = EmploymentType.PPPK, Golongan = null })
            .Errors.Should().BeEmpty();

    [Fact]
    public void A_PNS_without_golongan_fails_on_golongan() =>
        Failed(new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Golongan = null })).Should().Equal("Golongan");

    [Fact]
    public void A_PPPK_with_a_golongan_fails_on_golongan() =>
        Failed(new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Nip = "199001012023212004", EmploymentType = EmploymentType.PPPK }))
            .Should().Equal("Golongan");

    [Theory]
    [InlineData(PositionKind.JPT, PositionLevel.Pratama)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.Pemula)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.AhliUtama)]
    [InlineData(PositionKind.Administrator, null)]
    public void A_position_level_that_belongs_to_its_kind_passes(PositionKind kind, PositionLevel? level) =>
        new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Position = new PositionInput("Jabatan", kind, level) }).Errors.Should().BeEmpty();

    [Theory]
    [InlineData(PositionKind.JPT, null)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.Pemula)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.AhliMuda)]
    [InlineData(PositionKind.Pelaksana, PositionLevel.Madya)]
    public void A_position_level_that_does_not_belong_to_its_kind_fails_on_the_level(PositionKind kind, PositionLevel? level) =>
        Failed(new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Position = new PositionInput("Jabatan", kind, level) }))
            .Should().Equal("Position.Level");

    [Theory]
    [InlineData("19860926201505200")]
    [InlineData("198609262015053001")]
    public void A_nip_that_breaks_the_PNS_rules_fails_on_nip(string nip) =>
        Failed(new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { Nip = nip })).Should().Equal("Nip");

    [Fact]
    public void A_supervisor_nip_of_the_wrong_length_fails_on_supervisor_nip() =>
        Failed(new RegisterEmployeeValidator(TimeProvider.System).Validate(Valid with { SupervisorNip = "1975010120000310" })).Should().Equal("SupervisorNip");

    [Fact]
    public void A_complete_assessment_passes() =>
        new RecordCompetencyAssessmentValidator().Validate(Assessment).Errors.Should().BeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_competency_level_outside_one_to_five_fails_on_that_level(int level) =>
        Failed(new RecordCompetencyAssessmentValidator().Validate(Assessment with { Competencies = [new("INT", 3), new("KRJ", level)] }))
            .Should().Equal("Competencies[1].Level");

    [Fact]
    public void A_competency_code_given_twice_in_any_case_fails_on_competencies() =>
        Failed(new RecordCompetencyAssessmentValidator().Validate(Assessment with { Competencies = [new("INT", 3), new("int", 4)] }))
            .Should().Equal("Competencies");

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(500)]
    public void A_listing_with_no_limit_or_a_limit_from_one_to_five_hundred_passes(int? limit) =>
        new ListEmployeesValidator().Validate(new ListEmployees(null, limit, null)).Errors.Should().BeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void A_listing_limit_outside_one_to_five_hundred_fails_on_limit(int limit) =>
        Failed(new ListEmployeesValidator().Validate(new ListEmployees(null, limit, null))).Should().Equal("Limit");

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("bmlwOjEyMw")]
    public void A_cursor_the_api_did_not_issue_fails_on_cursor(string cursor) =>
        Failed(new ListEmployeesValidator().Validate(new ListEmployees(null, 10, cursor))).Should().Equal("Cursor");

    [Fact]
    public void A_cursor_the_api_issued_passes() =>
        new ListEmployeesValidator().Validate(new ListEmployees("DISDIK", 10, Cursor.Encode("198609262015052001"))).Errors.Should().BeEmpty();
}
