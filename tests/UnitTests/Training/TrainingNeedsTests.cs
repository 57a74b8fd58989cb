using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Training;

public sealed class TrainingNeedsTests
{
    private static readonly CompetencyAssessed Assessment = new(Guid.NewGuid(),
        [new CompetencyLevel("MANAJERIAL.INTEGRITAS", 4), new CompetencyLevel("TEKNIS.GIZI", 2), new CompetencyLevel("TEKNIS.SURVEILANS", 1)],
        Potential.Menengah, new DateOnly(2026, 2, 10), "UPT Penilaian Kompetensi", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Every_assessed_competency_below_the_standard_of_the_current_position_is_a_need_that_names_its_source()
    {
        var standard = CompetencyStandards.On(new DateOnly(2026, 6, 1));
        var needs = TrainingNeeds.Derive(TrainingNeeds.KnownLevels(Assessment, []), PositionKind.Pelaksana, null, standard);

        needs.Select(n => (n.CompetencyCode, n.Current.Level, n.RequiredLevel, n.Gap)).Should().Equal(
            ("TEKNIS.GIZI", 2, 3, 1), ("TEKNIS.SURVEILANS", 1, 3, 2));
        needs[0].Origins.Should().Equal(new NeedOrigin(NeedSource.CurrentPositionStandard, PositionKind.Pelaksana, 3, "2026.1"));
    }

    [Fact]
    public void A_level_attested_by_a_later_completed_training_supersedes_the_assessment()
    {
        var completion = new TrainingCompletion(new DateOnly(2026, 5, 8), 24, 1, null, new CompetencyLevel("TEKNIS.GIZI", 3));
        var levels = TrainingNeeds.KnownLevels(Assessment, [completion]);

        levels.Single(l => l.CompetencyCode == "TEKNIS.GIZI").Evidence.Should().Be(LevelEvidence.TrainingCompletion);
        TrainingNeeds.Derive(levels, PositionKind.Pelaksana, null, CompetencyStandards.On(new DateOnly(2026, 6, 1)))
            .Select(n => n.CompetencyCode).Should().Equal("TEKNIS.SURVEILANS");
    }

    [Fact]
    public void A_target_position_adds_its_own_origin()
    {
        var standard = new CompetencyStandard("test", new DateOnly(2000, 1, 1), Enum.GetValues<PositionKind>().ToDictionary(k => k, _ => 3),
            [new CompetencyRequirement(PositionKind.JPT, "MANAJERIAL.INTEGRITAS", 5)]);
        var need = TrainingNeeds.Derive(TrainingNeeds.KnownLevels(Assessment, []), PositionKind.Administrator, PositionKind.JPT, standard)
            .Single(n => n.CompetencyCode == "MANAJERIAL.INTEGRITAS");

        need.RequiredLevel.Should().Be(5);
        need.Origins.Should().Equal(new NeedOrigin(NeedSource.TargetPositionStandard, PositionKind.JPT, 5, "test"));
    }

    [Fact]
    public void The_competency_standard_is_pinned_cell_by_cell()
    {
        var standard = CompetencyStandards.Versions.Should().ContainSingle().Subject;
        standard.Version.Should().Be("2026.1");
        standard.Exceptions.Should().BeEmpty();
        standard.DefaultLevel.Should().Equal(new Dictionary<PositionKind, int>
        {
            [PositionKind.JPT] = 3, [PositionKind.Administrator] = 3, [PositionKind.Pengawas] = 3,
            [PositionKind.Pelaksana] = 3, [PositionKind.FungsionalKeahlian] = 3, [PositionKind.FungsionalKeterampilan] = 3,
        });
    }
}
