using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;

namespace Kinerja.UnitTests.Talent;

public class PlacementRulesTests
{
    [Theory]
    [InlineData("TEKNIS.PEMBELAJARAN", 3)]
    [InlineData("MANAJERIAL.KERJASAMA", 1)]
    [InlineData("SOSIOKULTURAL.PEREKAT-BANGSA", 1)]
    [InlineData("BAHASA", 1)]
    public void A_requirement_weighs_by_its_competency_group(string code, int weight) => PlacementRules.Weight(code).Should().Be(weight);

    [Theory]
    [InlineData(PositionKind.Pelaksana, null, 1)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.Pemula, 1)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.Terampil, 2)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.Mahir, 3)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.AhliPertama, 3)]
    [InlineData(PositionKind.FungsionalKeterampilan, PositionLevel.Penyelia, 4)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda, 4)]
    [InlineData(PositionKind.Pengawas, null, 4)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.AhliMadya, 5)]
    [InlineData(PositionKind.Administrator, null, 5)]
    [InlineData(PositionKind.FungsionalKeahlian, PositionLevel.AhliUtama, 6)]
    [InlineData(PositionKind.JPT, PositionLevel.Pratama, 6)]
    [InlineData(PositionKind.JPT, PositionLevel.Madya, 7)]
    [InlineData(PositionKind.JPT, PositionLevel.Utama, 8)]
    public void Each_kind_and_jenjang_has_its_grade(PositionKind kind, PositionLevel? level, int grade)
    {
        PlacementRules.Grade(kind, level).Should().Be(grade);
        PlacementRules.Grades.Should().HaveCount(14, "every cell is pinned here");
    }

    [Fact]
    public void A_post_below_the_grade_held_is_a_step_down_and_an_unknown_grade_never_is()
    {
        PlacementRules.IsStepDown(4, 1).Should().BeTrue("a Guru Ahli Muda is not offered a Pelaksana post");
        PlacementRules.IsStepDown(4, 4).Should().BeFalse();
        PlacementRules.IsStepDown(3, 4).Should().BeFalse();
        PlacementRules.IsStepDown(null, 1).Should().BeFalse();
        PlacementRules.IsStepDown(4, null).Should().BeFalse();
    }

    [Theory]
    [InlineData(PositionKind.FungsionalKeahlian, "Guru Matematika", "Guru", "Pendidikan")]
    [InlineData(PositionKind.FungsionalKeahlian, "Kepala SMP Negeri 3 Ambon", "Guru", "Pendidikan")]
    [InlineData(PositionKind.FungsionalKeahlian, "Dokter Gigi", "Dokter Gigi", "Kesehatan")]
    [InlineData(PositionKind.FungsionalKeahlian, "Dokter", "Dokter", "Kesehatan")]
    [InlineData(PositionKind.FungsionalKeterampilan, "Perawat", "Perawat", "Kesehatan")]
    [InlineData(PositionKind.FungsionalKeterampilan, "Bidan", "Bidan", "Kesehatan")]
    [InlineData(PositionKind.FungsionalKeterampilan, "Pranata Komputer", "Pranata Komputer", "Teknologi Informasi")]
    public void A_functional_title_lies_on_its_path_and_rumpun(PositionKind kind, string title, string path, string rumpun)
    {
        var found = PlacementRules.PathOf(kind, title)!;

        found.Path.Should().Be(path);
        found.Rumpun.Should().Be(rumpun);
    }

    [Fact]
    public void A_structural_post_or_an_unknown_title_has_no_path_and_a_position_without_one_is_near_to_everyone()
    {
        PlacementRules.PathOf(PositionKind.Pelaksana, "Guru Honorer").Should().BeNull();
        PlacementRules.PathOf(PositionKind.FungsionalKeahlian, "Penyuluh Antariksa").Should().BeNull();
        var guru = PlacementRules.PathOf(PositionKind.FungsionalKeahlian, "Guru Kelas");
        var perawat = PlacementRules.PathOf(PositionKind.FungsionalKeterampilan, "Perawat");
        var bidan = PlacementRules.PathOf(PositionKind.FungsionalKeterampilan, "Bidan");

        PlacementRules.PathDistance(null, guru).Should().Be(0);
        PlacementRules.PathDistance(guru, guru).Should().Be(0);
        PlacementRules.PathDistance(perawat, bidan).Should().Be(1);
        PlacementRules.PathDistance(perawat, guru).Should().Be(2);
        PlacementRules.PathDistance(perawat, null).Should().Be(2);
    }

    [Fact]
    public void The_path_comes_first_then_the_weighted_share_so_the_core_competency_outweighs_two_managerial_ones()
    {
        // Core (3) met beats both managerial (1 + 1) met; on another path nothing outranks the same path.
        var coreMet = new PlacementRank(0, 3, 5, 0, 0, Predikat.Baik, 5);
        var managerialMet = new PlacementRank(0, 2, 5, 0, 3, Predikat.SangatBaik, 9);
        var elsewhere = new PlacementRank(2, 5, 5, 0, 0, Predikat.SangatBaik, 9);

        PlacementMatching.Compare(coreMet, managerialMet).Should().BeNegative();
        PlacementMatching.Compare(managerialMet, elsewhere).Should().BeNegative();
    }

    [Fact]
    public void An_unknown_competency_is_not_a_shortfall_but_known_evidence_ranks_before_it()
    {
        var shortOnCore = new PlacementRank(0, 2, 5, 3, 0, null, null);
        var unknownCore = new PlacementRank(0, 2, 5, 0, 3, null, null);
        var allKnownMet = new PlacementRank(0, 5, 5, 0, 0, null, null);

        PlacementMatching.Compare(unknownCore, shortOnCore).Should().BeNegative("unknown is not a failure");
        PlacementMatching.Compare(allKnownMet, unknownCore).Should().BeNegative();
    }

    [Fact]
    public void A_position_fits_when_met_or_unknown_weigh_half_on_the_path_and_no_step_down()
    {
        PlacementMatching.Fits(new PlacementRank(0, 0, 5, 0, 3, null, null), stepDown: false).Should().BeTrue("only unknowns, no known failure");
        PlacementMatching.Fits(new PlacementRank(0, 2, 5, 3, 0, null, null), stepDown: false).Should().BeFalse("the core competency is known short");
        PlacementMatching.Fits(new PlacementRank(1, 5, 5, 0, 0, null, null), stepDown: false).Should().BeTrue("another path of the same rumpun");
        PlacementMatching.Fits(new PlacementRank(2, 5, 5, 0, 0, null, null), stepDown: false).Should().BeFalse("another profession");
        PlacementMatching.Fits(new PlacementRank(0, 5, 5, 0, 0, null, null), stepDown: true).Should().BeFalse("no step-downs");
    }
}
