using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Infrastructure.Appraisals;
using Kinerja.IntegrationTests.Harness;
using Kinerja.Tools.Benchmarking;
using Marten;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>
/// One counted response per giver, source and appraisal: a later one replaces the earlier in the tallies, the history keeps both.
/// Public feedback is decided on the standing's count and narrow rows kept beside it (docs/decisions/152, 168), not on the folded stream.
/// </summary>
public sealed class OneCountedResponseApiTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private string _kepalaSekolah = "";
    private string _guru = "";
    private string _peer = "";
    private Guid _cycle;

    private string Appraisal => Routes.Appraisals.One(_cycle, _guru);

    public async Task InitializeAsync()
    {
        string school;
        (school, _, _kepalaSekolah, _guru) = await _admin.School();
        _peer = await _admin.Employee(school, supervisorNip: _kepalaSekolah);
        _cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school], closesOn: new DateOnly(2027, 1, 15));
        await _admin.Open(_cycle, _guru);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<SourceSummary> Tally(FeedbackSource source) =>
        (await _admin.Read<AppraisalDetails>(Appraisal)).Feedback.Single(s => s.Source == source);

    private async Task<int> HistoryCount(string type) =>
        (await (await app.As(Roles.Auditor).GetAsync($"{Routes.Audit.History(_guru)}?type={type}")).Json())["items"]!.AsArray().Count;

    [Fact]
    public async Task A_peers_later_feedback_replaces_their_earlier_one_in_the_tallies_and_both_stay_in_the_history()
    {
        var peer = app.As(Roles.Employee, _peer);
        var ks = app.As(Roles.Supervisor, _kepalaSekolah);
        (await peer.Post($"{Appraisal}/feedback", new { source = "Peer", scores = new { Harmonis = 2, Loyal = 3 } })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ks.Post($"{Appraisal}/feedback", new { source = "Supervisor", scores = new { Harmonis = 4 } })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await peer.Post($"{Appraisal}/feedback", new { source = "Peer", scores = new { Harmonis = 5 } })).StatusCode.Should().Be(HttpStatusCode.OK);

        var tally = await Tally(FeedbackSource.Peer);
        tally.Count.Should().Be(1);
        tally.Values.Should().Equal(new ValueSummary(BerAkhlak.Harmonis, 1, 5m));
        (await Tally(FeedbackSource.Supervisor)).Values.Should().Equal(new ValueSummary(BerAkhlak.Harmonis, 1, 4m));
        (await HistoryCount("feedback_given")).Should().Be(3);
    }

    [Fact]
    public async Task A_respondent_the_portal_names_twice_is_counted_once_with_the_later_answer_and_unnamed_respondents_each_count()
    {
        var portal = app.As(Roles.Portal);
        async Task Send(string submission, string? respondentId, string group, int score) =>
            (await portal.Post($"{Appraisal}/public-feedback", new { submissionId = submission, respondentId, respondentGroup = group, scores = new { Adaptif = score } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await Send("p-1", "resp-1", "Student", 1);
        await Send("p-2", "resp-2", "Parent", 4);
        await Send("p-3", null, "Parent", 3);
        await Send("p-4", "resp-1", "Parent", 5);
        await Send("p-4", "resp-1", "Parent", 5);

        var tally = await Tally(FeedbackSource.Public);
        tally.Count.Should().Be(3);
        tally.Values.Should().Equal(new ValueSummary(BerAkhlak.Adaptif, 3, 4m));
        tally.RespondentGroups.Should().Equal(new Application.Appraisals.GroupCount(RespondentGroup.Parent, 3));
        (await HistoryCount("public_feedback_received")).Should().Be(4);
    }

    [Fact]
    public async Task A_respondent_id_that_is_not_an_id_is_refused_and_appends_nothing()
    {
        var before = await app.EventCount();
        await (await app.As(Roles.Portal).Post($"{Appraisal}/public-feedback",
                new { submissionId = "p-9", respondentId = "jane@example.org <x>", respondentGroup = "Parent", scores = new { Adaptif = 3 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_comment_with_a_childs_NISN_phone_email_and_marked_name_is_stored_masked()
    {
        (await app.As(Roles.Portal).Post($"{Appraisal}/public-feedback", new
        {
            submissionId = "p-pii", respondentGroup = "Parent", scores = new { Adaptif = 4 }, personalNames = new[] { "Yosua" },
            comment = "Yosua (NISN 0091234567) makin rajin. Hubungi 0812-3456-7890 atau papa.yosua@gmail.com",
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var stored = (await (await app.As(Roles.Auditor).GetAsync($"{Routes.Audit.History(_guru)}?type=public_feedback_received")).Json())["items"]!.AsArray()
            .Select(i => i!["data"]!).Single(d => d["submissionId"].Str() == "p-pii");
        stored["comment"].Str().Should().Be("[nama disamarkan] (NISN [NISN disamarkan]) makin rajin. Hubungi [nomor telepon disamarkan] atau [email disamarkan]");
        stored["masked"]!.AsArray().Select(k => k.Str()).Should().Equal("email", "phone", "nisn", "name");
        stored.ToJsonString().Should().NotContain("0091234567").And.NotContain("0812-3456-7890").And.NotContain("gmail").And.NotContain("Yosua");
        var shown = (await _admin.Read<AppraisalDetails>(Appraisal)).Feedback.Single(s => s.Source == FeedbackSource.Public);
        System.Text.Json.JsonSerializer.Serialize(shown).Should().NotContain("0091234567").And.NotContain("Yosua");
    }

    private async Task<string> SendPublic(string submission, string? respondentId, int score)
    {
        var response = await app.As(Roles.Portal).Post($"{Appraisal}/public-feedback",
            new { submissionId = submission, respondentId, respondentGroup = "Parent", scores = new { Adaptif = score } });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Json())["receivedAt"]!.ToJsonString();
    }

    /// <summary>The ledger the narrow rows and the standing's count hold, and the ledger a fold of the appraisal's stream gives.</summary>
    private async Task<(PublicFeedbackLedger Stored, PublicFeedbackLedger Folded)> Ledgers()
    {
        await using var session = app.Store.QuerySession();
        var standing = await session.Query<AppraisalStanding>().SingleAsync(s => s.CycleId == _cycle && s.Nip == _guru);
        var events = await session.Events.FetchStreamAsync(standing.Id);
        return (await PublicFeedbackRows.Ledger(session, standing.Id, CancellationToken.None), PublicFeedbackLedger.Empty(standing.Id).With(events.Select(e => e.Data)));
    }

    [Fact]
    public async Task The_public_rows_equal_a_fold_of_the_stream_before_and_after_a_rebuild_and_decide_retries_and_replacements_as_before()
    {
        var first = await SendPublic("p-1", "resp-1", 1);
        await SendPublic("p-2", null, 3);
        await SendPublic("p-3", "resp-1", 4);

        var (stored, folded) = await Ledgers();
        folded.Submissions.Keys.Should().Equal("p-1", "p-2", "p-3");
        folded.Received.Should().Be(3);
        stored.Should().BeEquivalentTo(folded);

        var rebuild = new ReadModelRebuild(app.Store);
        await rebuild.RebuildAll(TimeSpan.FromMinutes(1), CancellationToken.None, rebuild.ProjectionNames().Single(n => n.StartsWith(nameof(AppraisalStanding), StringComparison.Ordinal)));
        (stored, folded) = await Ledgers();
        stored.Should().BeEquivalentTo(folded);

        var events = await app.EventCount();
        (await SendPublic("p-1", "resp-1", 5)).Should().Be(first, "a retry answers the first receipt, from its row");
        (await app.EventCount()).Should().Be(events);
        await SendPublic("p-4", "resp-1", 5);
        var tally = await Tally(FeedbackSource.Public);
        tally.Count.Should().Be(2, "resp-1's third answer replaced the second, which had replaced the first");
        tally.Values.Should().Equal(new ValueSummary(BerAkhlak.Adaptif, 2, 4m));
        (stored, folded) = await Ledgers();
        stored.Should().BeEquivalentTo(folded);
    }

    [Fact]
    public async Task A_database_written_before_the_rows_gets_them_filled_from_its_events_and_its_standings_counted_by_db_apply()
    {
        var first = await SendPublic("p-1", "resp-1", 1);
        await SendPublic("p-2", null, 3);
        await SendPublic("p-3", "resp-1", 4);
        var (before, _) = await Ledgers();

        // What the version before the rows left: no tables, no trigger, and the standing with its ledger (decision 152) and no count.
        var schema = app.Schema;
        const string oldLedger = """'{"public": {"submissions": {"p-1": "x"}}}'""";
        await TestDatabase.Execute($$"""
            drop table {{schema}}.{{PublicFeedbackRows.Submissions}}, {{schema}}.{{PublicFeedbackRows.Respondents}};
            drop function {{schema}}.kinerja_keep_public_feedback() cascade;
            update {{schema}}.mt_doc_appraisalstanding set data = (data - 'publicReceived') || {{oldLedger}}::jsonb
            where cycle_id = '{{_cycle}}';
            """);
        await app.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var (filled, folded) = await Ledgers();
        filled.Should().BeEquivalentTo(before).And.BeEquivalentTo(folded);
        (await TestDatabase.Scalar($"select count(*) from {schema}.mt_doc_appraisalstanding where cycle_id = '{_cycle}' and data ? 'public'")).Should().Be(0L);
        var events = await app.EventCount();
        (await SendPublic("p-1", "resp-1", 5)).Should().Be(first, "a retry is found in the filled rows");
        (await app.EventCount()).Should().Be(events);
        await SendPublic("p-4", "resp-1", 5);
        (await Tally(FeedbackSource.Public)).Count.Should().Be(2, "resp-1's answer replaced the one found in the filled rows");
        (filled, folded) = await Ledgers();
        filled.Should().BeEquivalentTo(folded);
        filled.Received.Should().Be(4);
    }

    [Fact]
    public async Task A_burst_from_one_respondent_is_counted_once_and_every_submission_once()
    {
        var portal = app.As(Roles.Portal);
        var answers = await Task.WhenAll(Enumerable.Range(1, 12).Select(async i =>
            (await portal.Post($"{Appraisal}/public-feedback", new { submissionId = $"b-{i % 6}", respondentId = "resp-b", respondentGroup = "Parent", scores = new { Adaptif = 1 + (i % 5) } }))
            .StatusCode));
        answers.Should().AllBeEquivalentTo(HttpStatusCode.OK, "a retry that raced its first receipt answers it too");

        var (stored, folded) = await Ledgers();
        stored.Should().BeEquivalentTo(folded);
        folded.Submissions.Keys.Should().OnlyHaveUniqueItems();
        stored.Received.Should().Be(folded.Submissions.Count);
        (await Tally(FeedbackSource.Public)).Count.Should().Be(1, "one respondent, however many of their answers raced");
    }
}
