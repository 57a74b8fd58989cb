using Kinerja.Domain;
using Kinerja.Domain.Units;

namespace Kinerja.UnitTests.Units;

public class UnitDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly UnitKerja Pemkot = new(UnitKerja.IdFor("PEMKOT"), "PEMKOT", "Pemerintah Kota Ambon", null);

    [Fact]
    public void Registering_a_unit_upper_cases_its_code_trims_its_name_and_links_its_parent()
    {
        var events = UnitDecisions.Register(null, " disdik ", "  Dinas Pendidikan ", Pemkot, Now);

        events.Should().Equal(new UnitRegistered(UnitKerja.IdFor("DISDIK"), "DISDIK", "Dinas Pendidikan", Pemkot.Id, Now));
    }

    [Fact]
    public void Registering_a_root_unit_records_no_parent() =>
        UnitDecisions.Register(null, "PEMKOT", "Pemerintah Kota Ambon", null, Now)
            .Should().ContainSingle().Which.Should().BeOfType<UnitRegistered>().Which.ParentUnitId.Should().BeNull();

    [Fact]
    public void Registering_a_unit_that_exists_is_refused()
    {
        var act = () => UnitDecisions.Register(Pemkot, "pemkot", "Pemerintah Kota Ambon", null, Now);

        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("unit-already-registered");
    }

    [Fact]
    public void Renaming_a_unit_to_its_current_name_records_nothing() =>
        UnitDecisions.Rename(Pemkot, " Pemerintah Kota Ambon ", Now).Should().BeEmpty();

    [Fact]
    public void Renaming_a_unit_records_the_trimmed_new_name()
    {
        var events = UnitDecisions.Rename(Pemkot, " Pemkot Ambon ", Now);

        events.Should().Equal(new UnitRenamed(Pemkot.Id, "Pemkot Ambon", Now));
        events.Aggregate(Pemkot, UnitKerja.Evolve).Name.Should().Be("Pemkot Ambon");
    }

    [Fact]
    public void A_unit_id_ignores_the_case_and_surrounding_spaces_of_its_code()
    {
        UnitKerja.IdFor("disdik").Should().Be(UnitKerja.IdFor("DISDIK"));
        UnitKerja.IdFor(" Disdik ").Should().Be(UnitKerja.IdFor("DISDIK"));
    }

    [Fact]
    public void Different_unit_codes_give_different_ids()
    {
        UnitKerja.IdFor("DISDIK").Should().NotBe(UnitKerja.IdFor("DINKES"));
        UnitKerja.IdFor("KEC-NUSANIWE").Should().NotBe(Guid.Empty);
    }
}
