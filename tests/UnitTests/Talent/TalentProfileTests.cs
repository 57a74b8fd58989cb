using Kinerja.Application.Talent;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Talent;

public class TalentProfileTests
{
    internal static readonly DateTimeOffset Now = new(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(9));
    internal static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid Cycle = Guid.NewGuid();
    private static readonly Guid Appraisal = Guid.NewGuid();

    private static TalentProfile Fold(params object[] events) => events.Aggregate((TalentProfile?)null, TalentProfile.Evolve)!;

    internal static readonly object Registered = new EmployeeRegistered(
        Id, "198609262015051001", "Maria Latuheru", EmploymentType.PNS, Guid.NewGuid(), "SD-1", new Position("Guru", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda),
        "III/c", null, null, new DateOnly(2015, 5, 1), Now);

    internal static CompetencyAssessed Assessed(DateOnly on, Potential potential, int level) =>
        new(Id, [new CompetencyLevel("TEKNIS.PEMBELAJARAN", level)], potential, on, "UPT", Now);

    [Fact]
    public void The_latest_assessment_is_the_latest_by_assessment_date_not_the_last_recorded()
    {
        var profile = Fold(Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Tinggi, 4), Assessed(new DateOnly(2025, 3, 1), Potential.Rendah, 1));

        profile.Potential.Should().Be(Potential.Tinggi);
        profile.Levels.Should().Equal(new Dictionary<string, int> { ["TEKNIS.PEMBELAJARAN"] = 4 });
    }

    [Fact]
    public void A_submitted_evaluation_is_not_final_and_its_approval_gives_the_latest_final_the_box_and_the_grid_keys()
    {
        var submitted = Fold(
            Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 3),
            new AppraisalOpened(Appraisal, Cycle, Id, "198609262015051001", "SD-1", Guid.NewGuid(), "197501012000031002", null, null, new DateOnly(2026, 7, 1), Now),
            new EvaluationSubmitted(Appraisal, Rating.DiAtasEkspektasi, Rating.SesuaiEkspektasi, [], "ok", Predikat.Baik, "PermenPANRB 6/2022", Guid.NewGuid(), Now));

        submitted.LatestFinal.Should().BeNull();
        submitted.Box.Should().BeNull();
        submitted.GridKeys.Should().BeEmpty();

        var approved = TalentProfile.Evolve(submitted, new EvaluationApproved(Appraisal, Predikat.Baik, Acting.As("kepala-dinas"), Now.AddDays(1)))!;

        approved.LatestFinal!.Results.Should().Be(Rating.DiAtasEkspektasi);
        approved.Box!.Number.Should().Be(5, "the kinerja axis is the predikat (Baik: meets), not the results rating alone");
        approved.BoxNumber.Should().Be(5);
        approved.PredikatRank.Should().Be(1);
        approved.GridKeys.Should().Equal(TalentProfile.GridKey(Cycle, null), TalentProfile.GridKey(Cycle, "SD-1"));
    }

    internal static TrainingGrantCompleted Trained(DateOnly on, int level) =>
        new(Guid.NewGuid(), on, 20, 1_500_000, "SERT-1", new CompetencyLevel("TEKNIS.PEMBELAJARAN", level), Now);

    [Fact]
    public void A_completed_training_that_attests_a_level_counts_until_a_later_assessment_and_wins_an_assessment_of_the_same_day()
    {
        var assessedThenTrained = Fold(Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 2), Trained(new DateOnly(2026, 6, 1), 4));
        assessedThenTrained.Levels.Should().Equal(new Dictionary<string, int> { ["TEKNIS.PEMBELAJARAN"] = 4 });
        assessedThenTrained.Potential.Should().Be(Potential.Menengah, "a training attests a level, not potential");

        Fold(Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 2), Trained(new DateOnly(2026, 6, 1), 4), Assessed(new DateOnly(2026, 8, 1), Potential.Menengah, 3))
            .Levels["TEKNIS.PEMBELAJARAN"].Should().Be(3, "the later assessment supersedes the training");
        Fold(Registered, Trained(new DateOnly(2026, 6, 1), 4), Assessed(new DateOnly(2026, 6, 1), Potential.Menengah, 3))
            .Levels["TEKNIS.PEMBELAJARAN"].Should().Be(4, "on one date the training completion counts, as in the training needs");
        Fold(Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 2), Trained(new DateOnly(2026, 6, 1), 4) with { NewCompetencyLevel = null })
            .Levels["TEKNIS.PEMBELAJARAN"].Should().Be(2, "a training without an attested level changes nothing");
    }

    [Fact]
    public void The_potential_in_force_at_a_cycles_end_is_the_latest_assessed_by_then_among_those_recorded_before_it_closed()
    {
        var end = new DateOnly(2026, 12, 31);
        var closedAt = new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.FromHours(9));
        var profile = Fold(Registered,
            Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 2),
            Assessed(new DateOnly(2027, 2, 1), Potential.Tinggi, 4) with { RecordedAt = closedAt.AddDays(12) },
            Assessed(new DateOnly(2026, 11, 1), Potential.Rendah, 1) with { RecordedAt = closedAt.AddDays(30) });

        profile.Potential.Should().Be(Potential.Tinggi, "placement reads the latest assessment");
        InForce(profile, end, closedAt).Should().Be(Potential.Menengah, "later and back-dated assessments leave a closed cycle's grid alone");
        InForce(profile, end, null).Should().Be(Potential.Rendah, "an open cycle reads every assessment by its date");
        InForce(profile, new DateOnly(2026, 1, 31), null).Should().BeNull();
    }

    /// <summary>The grid statement's reading of the preferred arrays: the first assessed by the end and recorded by the closing.</summary>
    private static Potential? InForce(TalentProfile profile, DateOnly end, DateTimeOffset? closedAt) =>
        Enumerable.Range(0, profile.PotentialValues.Count)
            .Where(i => profile.PotentialDays[i] <= end.DayNumber && profile.PotentialTicks[i] <= (closedAt?.UtcTicks ?? long.MaxValue))
            .Select(i => (Potential?)profile.PotentialValues[i]).FirstOrDefault();
}
