using Kinerja.Domain.Appraisals;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

/// <summary>One counted response per giver, source and appraisal: a later one names the earlier one it replaces in the tallies.</summary>
public sealed class OneCountedResponseTests
{
    private static readonly Dictionary<BerAkhlak, int> First = new() { [BerAkhlak.Harmonis] = 2 };
    private static readonly Dictionary<BerAkhlak, int> Second = new() { [BerAkhlak.Harmonis] = 5, [BerAkhlak.Loyal] = 4 };
    private static readonly FeedbackGiver Peer = new(Guid.CreateVersion7(), IsPeer: true, IsSubordinate: false);

    private static FeedbackGiven Give(Appraisal appraisal, FeedbackSource source, FeedbackGiver giver, Dictionary<BerAkhlak, int> scores) =>
        (FeedbackGiven)AppraisalDecisions.GiveFeedback(appraisal, Cycle(), Guid.CreateVersion7(), source, giver, scores, null, Now).Single();

    private static PublicFeedbackReceived Receive(PublicFeedbackLedger ledger, string submission, string? respondent, Dictionary<BerAkhlak, int> scores, RespondentGroup group = RespondentGroup.Parent) =>
        (PublicFeedbackReceived)AppraisalDecisions.ReceivePublicFeedback(
            ledger, Cycle(), new NewPublicFeedback(submission, group, scores, null, respondent), 500, Today, Now).Single();

    [Fact]
    public void A_peers_second_response_replaces_their_first_and_a_third_replaces_the_second()
    {
        var first = Give(Given(Opened), FeedbackSource.Peer, Peer, First);
        first.Replaces.Should().BeNull();

        var second = Give(Given(Opened, first), FeedbackSource.Peer, Peer, Second);
        second.Replaces.Should().BeEquivalentTo(new ReplacedResponse(first.FeedbackId.ToString(), First, null));

        var third = Give(Given(Opened, first, second), FeedbackSource.Peer, Peer, First);
        third.Replaces!.Id.Should().Be(second.FeedbackId.ToString());
        third.Replaces.Scores.Should().BeEquivalentTo(Second);
    }

    [Fact]
    public void Another_giver_or_the_same_person_in_another_role_is_counted_on_its_own()
    {
        var first = Give(Given(Opened), FeedbackSource.Peer, Peer, First);

        Give(Given(Opened, first), FeedbackSource.Peer, Peer with { Id = Guid.CreateVersion7() }, Second).Replaces.Should().BeNull();
        Give(Given(Opened, first), FeedbackSource.Subordinate, Peer with { IsPeer = false, IsSubordinate = true }, Second).Replaces.Should().BeNull();
    }

    [Fact]
    public void A_respondent_the_portal_names_again_replaces_their_earlier_response_with_its_scores_and_group()
    {
        var first = Receive(Public(Opened), "s-1", "resp-42", First, RespondentGroup.Student);
        first.Replaces.Should().BeNull();

        var second = Receive(Public(Opened, first), "s-2", "resp-42", Second);
        second.Replaces.Should().BeEquivalentTo(new ReplacedResponse("s-1", First, RespondentGroup.Student));
        second.Respondent.Should().Be(first.Respondent);
    }

    [Fact]
    public void Responses_without_a_respondent_or_from_another_are_each_counted()
    {
        var first = Receive(Public(Opened), "s-1", "resp-42", First);
        var anonymous = Receive(Public(Opened, first), "s-2", null, Second);
        anonymous.Replaces.Should().BeNull();
        anonymous.Respondent.Should().BeNull();

        Receive(Public(Opened, first, anonymous), "s-3", "resp-43", Second).Replaces.Should().BeNull();
        Receive(Public(Opened, first, anonymous), "s-4", null, Second).Replaces.Should().BeNull();
    }

    [Fact]
    public void The_stored_respondent_is_a_hash_bound_to_the_appraisal_not_the_portals_id()
    {
        var here = Feedback.Respondent(Id, "resp-42");
        here.Should().NotContain("resp-42").And.HaveLength(32).And.Be(Feedback.Respondent(Id, "resp-42"));
        Feedback.Respondent(Guid.CreateVersion7(), "resp-42").Should().NotBe(here);
        Feedback.Respondent(Id, "resp-43").Should().NotBe(here);
    }

    [Fact]
    public void A_retried_submission_still_appends_nothing_whoever_sent_it()
    {
        var first = Receive(Public(Opened), "s-1", "resp-42", First);
        AppraisalDecisions.ReceivePublicFeedback(Public(Opened, first), Cycle(), new NewPublicFeedback("s-1", RespondentGroup.Parent, Second, null, "resp-42"), 500, Today, Now)
            .Should().BeEmpty();
    }
}
