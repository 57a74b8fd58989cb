using Kinerja.Application.Talent;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;

using static Kinerja.UnitTests.Talent.TalentProfileTests;

namespace Kinerja.UnitTests.Talent;

/// <summary>The candidates query sorts by the narrow profile's keys and answers from the talent profile: both folds must agree.</summary>
public class CandidateProfileTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static AppraisalOpened Opened(Guid appraisal) =>
        new(appraisal, Guid.NewGuid(), Id, "198609262015051001", "SD-1", Guid.NewGuid(), "197501012000031002", null, null, new DateOnly(2026, 7, 1), Now);

    private static EvaluationSubmitted Submitted(Guid appraisal, Rating results, Predikat predikat) =>
        new(appraisal, results, Rating.SesuaiEkspektasi, [], "ok", predikat, "PermenPANRB 6/2022", Guid.NewGuid(), Now);

    public static TheoryData<string, object[]> Histories => new()
    {
        { "registered only", [Registered] },
        { "an older assessment recorded later", [Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Tinggi, 4), Assessed(new DateOnly(2025, 3, 1), Potential.Rendah, 1)] },
        { "submitted, not final", [Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Menengah, 3), Opened(First), Submitted(First, Rating.DiAtasEkspektasi, Predikat.Baik)] },
        {
            "two finals, the later approved wins although approved first in the stream order",
            [Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Tinggi, 3), Opened(First), Opened(Second),
             Submitted(Second, Rating.DiBawahEkspektasi, Predikat.Kurang), new EvaluationApproved(Second, Predikat.Kurang, Acting.As("kadis"), Now.AddDays(2)),
             Submitted(First, Rating.DiAtasEkspektasi, Predikat.SangatBaik), new EvaluationApproved(First, Predikat.SangatBaik, Acting.As("kadis"), Now.AddDays(1))]
        },
        {
            "two finals approved at one instant: the later opened wins",
            [Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Rendah, 2), Opened(First), Opened(Second),
             Submitted(Second, Rating.SesuaiEkspektasi, Predikat.Baik), new EvaluationApproved(Second, Predikat.Baik, Acting.As("kadis"), Now),
             Submitted(First, Rating.DiAtasEkspektasi, Predikat.SangatBaik), new EvaluationApproved(First, Predikat.SangatBaik, Acting.As("kadis"), Now)]
        },
        {
            "assessed, trained to a higher level, then assessed again on the training's date",
            [Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Tinggi, 2), Trained(new DateOnly(2026, 6, 1), 4), Assessed(new DateOnly(2026, 6, 1), Potential.Tinggi, 3)]
        },
        {
            "approved, then the NIP corrected and employment ended",
            [Registered, Opened(First), Submitted(First, Rating.DiAtasEkspektasi, Predikat.Baik), new EvaluationApproved(First, Predikat.Baik, Acting.As("kadis"), Now),
             Assessed(new DateOnly(2026, 10, 1), Potential.Tinggi, 5),
             new NipCorrected(Id, "198609262015051001", "198609262015052001", "salah ketik", Now), new EmploymentEnded(Id, EmploymentEndReason.Retired, new DateOnly(2027, 1, 1), Now)]
        },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void The_narrow_profile_has_the_talent_profiles_keys(string history, object[] events)
    {
        var talent = events.Aggregate((TalentProfile?)null, TalentProfile.Evolve)!;
        var candidate = events.Aggregate((CandidateProfile?)null, CandidateProfile.Evolve)!;

        candidate.Nip.Should().Be(talent.Nip, history);
        candidate.EndedOn.Should().Be(talent.EndedOn, history);
        candidate.Levels.Should().Equal(talent.Levels, history);
        candidate.Potential.Should().Be(talent.Potential, history);
        candidate.PredikatRank.Should().Be(talent.PredikatRank, history);
        candidate.BoxNumber.Should().Be(talent.BoxNumber, history);
        (candidate.LatestFinal?.AppraisalId).Should().Be(talent.LatestFinal?.AppraisalId, history);
    }

    [Fact]
    public void Of_two_finals_the_later_approved_decides_the_keys()
    {
        var candidate = ((object[])Histories.ElementAt(3)[1]).Aggregate((CandidateProfile?)null, CandidateProfile.Evolve)!;

        candidate.LatestFinal!.AppraisalId.Should().Be(Second);
        candidate.PredikatRank.Should().Be((int)Predikat.Kurang);
        candidate.Pending.Should().BeEmpty();
    }

    [Fact]
    public void The_levels_reached_name_every_level_up_to_the_assessed_one_so_a_requirement_is_met_exactly_when_its_minimum_is_among_them()
    {
        var candidate = new object[] { Registered, Assessed(new DateOnly(2026, 3, 1), Potential.Tinggi, 3) }.Aggregate((CandidateProfile?)null, CandidateProfile.Evolve)!;

        candidate.LevelsReached.Should().Equal("TEKNIS.PEMBELAJARAN:1", "TEKNIS.PEMBELAJARAN:2", "TEKNIS.PEMBELAJARAN:3");
        candidate.LevelsReached.Should().Contain(CandidateProfile.Reached("TEKNIS.PEMBELAJARAN", 3))
            .And.NotContain(CandidateProfile.Reached("TEKNIS.PEMBELAJARAN", 4));
    }
}
