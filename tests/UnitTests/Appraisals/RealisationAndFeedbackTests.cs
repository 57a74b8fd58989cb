using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

public sealed class RealisationAndFeedbackTests
{
    private static readonly Evidence Evidence = new("https://drive.example/rpp.pdf", null, "RPP semester ganjil");
    private static readonly Dictionary<BerAkhlak, int> Scores = new() { [BerAkhlak.BerorientasiPelayanan] = 5 };

    private static NewRealisation Realisation(string indicator = "R1.1", DateOnly? on = null) =>
        new(Guid.CreateVersion7(), indicator, 2, Evidence, on ?? new DateOnly(2026, 9, 1));

    [Fact]
    public void A_correction_supersedes_the_realisation_it_names_which_then_cannot_be_corrected_again()
    {
        var first = (RealisationRecorded)AppraisalDecisions.RecordRealisation(Given(Agreed), Cycle(), Realisation(), Today, Now).Single();
        var correction = (RealisationCorrected)AppraisalDecisions.CorrectRealisation(
            Given(Agreed, first), Cycle(), first.RealisationId, Realisation(), "Salah hitung", Today, Now).Single();
        correction.CorrectsId.Should().Be(first.RealisationId);

        var again = () => AppraisalDecisions.CorrectRealisation(Given(Agreed, first, correction), Cycle(), first.RealisationId, Realisation(), "x", Today, Now);
        again.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("realisation-superseded");
    }

    [Theory]
    [InlineData("R9.9", "2026-09-01", "indicator-not-agreed")]
    [InlineData("R1.1", "2026-06-30", "achieved-outside-period")]
    [InlineData("R1.1", "2026-09-16", "achieved-in-future")]
    public void A_realisation_is_refused_for_an_indicator_or_date_outside_the_agreed_plan_and_period(string indicator, string on, string code)
    {
        var act = () => AppraisalDecisions.RecordRealisation(Given(Agreed), Cycle(), Realisation(indicator, DateOnly.Parse(on)), Today, Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Without_an_agreed_plan_no_realisation_is_recorded()
    {
        var draftOnly = Given(Opened, new PlanDrafted(Id, 1, Plan(), Now));
        var act = () => AppraisalDecisions.RecordRealisation(draftOnly, Cycle(), Realisation(), Today, Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("indicator-not-agreed");
    }

    [Theory]
    [InlineData(FeedbackSource.Supervisor, true, false, false, null)]
    [InlineData(FeedbackSource.Supervisor, false, false, false, "feedback-source-mismatch")]
    [InlineData(FeedbackSource.Peer, false, true, false, null)]
    [InlineData(FeedbackSource.Peer, false, false, false, "feedback-source-mismatch")]
    [InlineData(FeedbackSource.Subordinate, false, false, true, null)]
    [InlineData(FeedbackSource.Public, false, true, true, "feedback-source-mismatch")]
    public void Internal_feedback_must_come_from_whom_its_source_says(FeedbackSource source, bool isRater, bool isPeer, bool isSubordinate, string? code)
    {
        var giver = new FeedbackGiver(isRater ? KepalaSekolah : Guid.CreateVersion7(), isPeer, isSubordinate);
        var act = () => AppraisalDecisions.GiveFeedback(Given(Opened), Cycle(), Guid.CreateVersion7(), source, giver, Scores, "Baik", Now);
        if (code is null)
        {
            act.Should().NotThrow().Which.Should().ContainSingle();
        }
        else
        {
            act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(code);
        }
    }

    [Fact]
    public void The_ratee_cannot_give_supervisor_feedback_to_themself_and_gives_self_feedback_instead()
    {
        var self = new FeedbackGiver(Guru, false, false);
        var asRater = () => AppraisalDecisions.GiveFeedback(Given(Opened), Cycle(), Guid.CreateVersion7(), FeedbackSource.Supervisor, self, Scores, null, Now);
        asRater.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("rater-is-ratee");
        AppraisalDecisions.GiveFeedback(Given(Opened), Cycle(), Guid.CreateVersion7(), FeedbackSource.Self, self, Scores, null, Now).Should().ContainSingle();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_score_outside_1_to_5_is_refused(int score)
    {
        var giver = new FeedbackGiver(KepalaSekolah, false, false);
        var act = () => AppraisalDecisions.GiveFeedback(Given(Opened), Cycle(), Guid.CreateVersion7(), FeedbackSource.Supervisor, giver,
            new Dictionary<BerAkhlak, int> { [BerAkhlak.Akuntabel] = score }, null, Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("feedback-scores-invalid");
    }

    [Fact]
    public void A_public_submission_seen_before_appends_nothing_even_after_the_window_closed()
    {
        var input = new NewPublicFeedback("portal-0001", RespondentGroup.Parent, Scores, "Guru yang sabar");
        var received = AppraisalDecisions.ReceivePublicFeedback(Public(Opened), Cycle(), input, 500, Today, Now).Single();
        AppraisalDecisions.ReceivePublicFeedback(Public(Opened, received), Cycle(), input, 500, new DateOnly(2027, 2, 1), Now).Should().BeEmpty();
    }

    [Fact]
    public void Public_feedback_outside_the_window_or_over_the_cap_is_refused()
    {
        var input = new NewPublicFeedback("portal-0002", RespondentGroup.Student, Scores, null);
        var late = () => AppraisalDecisions.ReceivePublicFeedback(Public(Opened), Cycle(), input, 500, new DateOnly(2027, 1, 16), Now);
        late.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("outside-feedback-window");

        var first = AppraisalDecisions.ReceivePublicFeedback(Public(Opened), Cycle(), input, 1, Today, Now).Single();
        var flood = () => AppraisalDecisions.ReceivePublicFeedback(Public(Opened, first), Cycle(), input with { SubmissionId = "portal-0003" }, 1, Today, Now);
        flood.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("public-feedback-limit-reached");
    }

    [Fact]
    public void A_closed_cycle_takes_no_realisation_and_no_feedback()
    {
        var closed = Cycle(CyclePhase.Closed);
        var realise = () => AppraisalDecisions.RecordRealisation(Given(Agreed), closed, Realisation(), Today, Now);
        realise.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
        var input = new NewPublicFeedback("portal-0004", RespondentGroup.Citizen, Scores, null);
        var publicFeedback = () => AppraisalDecisions.ReceivePublicFeedback(Public(Opened), closed, input, 500, Today, Now);
        publicFeedback.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
    }
}
