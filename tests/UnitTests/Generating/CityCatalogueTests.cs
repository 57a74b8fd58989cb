using System.Text.RegularExpressions;
using Kinerja.Tools.Generating;
using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Generating;

public class CityCatalogueTests
{
    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    [InlineData(10_000)]
    public void Every_unit_code_is_valid_and_unique_and_every_parent_comes_before_its_sub_units(int employees)
    {
        var units = AmbonUnits.For(employees);

        units.Select(u => u.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(c => Regex.IsMatch(c, "^[A-Z0-9][A-Z0-9-]{1,31}$"));
        units.Select((u, i) => u.ParentCode is null || units.Take(i).Any(p => p.Code == u.ParentCode)).Should().OnlyContain(ok => ok);
        units.Where(u => u.Kind == UnitKind.Kecamatan).Select(u => u.Name).Should().BeEquivalentTo(
            ["Kecamatan Nusaniwe", "Kecamatan Sirimau", "Kecamatan Teluk Ambon", "Kecamatan Teluk Ambon Baguala", "Kecamatan Leitimur Selatan"]);
        units.Should().Contain(u => u.Kind == UnitKind.Sekolah && u.ParentCode == "DISDIK").And.Contain(u => u.Kind == UnitKind.Puskesmas && u.ParentCode == "DINKES");
    }

    [Fact]
    public void A_larger_city_has_more_schools_and_puskesmas_but_the_same_opd()
    {
        var small = AmbonUnits.For(200);
        var large = AmbonUnits.For(10_000);

        large.Count(u => u.Kind == UnitKind.Sekolah).Should().BeGreaterThan(small.Count(u => u.Kind == UnitKind.Sekolah));
        large.Count(u => u.Kind == UnitKind.Puskesmas).Should().BeGreaterThan(small.Count(u => u.Kind == UnitKind.Puskesmas));
        large.Where(u => u.ParentCode is null).Should().BeEquivalentTo(small.Where(u => u.ParentCode is null));
    }

    [Theory]
    [InlineData(EmploymentType.PNS)]
    [InlineData(EmploymentType.PPPK)]
    public void Generated_nips_pass_the_registry_rules_carry_the_gender_and_never_repeat(EmploymentType type)
    {
        var chance = new Chance(42);
        var taken = new HashSet<string>();

        var nips = Enumerable.Range(0, 2000).Select(i => (Female: i % 2 == 0, Nip: People.Nip(chance, type, i % 2 == 0, 1968, 2000, taken))).ToList();

        nips.Select(n => n.Nip.Nip).Should().OnlyHaveUniqueItems().And.OnlyContain(nip => Nip.Problem(nip, type, new DateOnly(2024, 12, 31)) == null);
        nips.Should().OnlyContain(n => n.Nip.Nip[14] == (n.Female ? '2' : '1'));
        nips.Should().OnlyContain(n => n.Nip.StartDate > Nip.BirthDate(n.Nip.Nip));
    }

    [Fact]
    public void The_same_seed_draws_the_same_ids_and_another_seed_others()
    {
        Guid[] Draw(int seed)
        {
            var chance = new Chance(seed);
            return [.. Enumerable.Range(0, 5).Select(_ => chance.Guid())];
        }

        Draw(7).Should().Equal(Draw(7)).And.NotIntersectWith(Draw(8));
        Draw(7).Should().OnlyContain(id => id.Version == 4);
    }
}
