using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Infrastructure.Common;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Kinerja.Infrastructure.Appraisals;

/// <summary>
/// What public feedback is decided on besides the standing's count (docs/decisions/168): one narrow row per submission received
/// (its first time, what a retry answers) and one per named respondent (their counted response, what a later one replaces,
/// decision 071), keyed by appraisal. A public feedback reads its own submission's row and its respondent's, never the others,
/// so neither its reads nor the standing it rewrites grow with the appraisal's responses (they did while the ledger was part of
/// the standing, decision 152). A trigger on the events' table writes them in the transaction that appends the event: no write
/// path can forget them, a retried submission cannot be inserted twice (the primary key), and they follow from the events alone,
/// so they are filled from the stored events when created (an existing database needs no rebuild, docs/upgrading.md) and a
/// rebuild of the standings leaves them as they are.
/// </summary>
internal static class PublicFeedbackRows
{
    public const string Submissions = "kinerja_public_submission";
    public const string Respondents = "kinerja_public_respondent";

    /// <summary>The appended event's type name, as the events' table stores it.</summary>
    private const string EventType = "public_feedback_received";

    /// <summary>The two tables, the function and the trigger on the events (db-apply creates and diffs them).</summary>
    private static IEnumerable<ISchemaObject> SchemaObjects(string schema, string standings)
    {
        var submissions = new Table(TriggerKeptFeature.Name(schema, Submissions));
        submissions.AddColumn<Guid>("appraisal_id").AsPrimaryKey();
        submissions.AddColumn("submission_id", "varchar").AsPrimaryKey();
        // As the event's JSON holds it, so a retry answers exactly the first receipt's time (a timestamptz keeps microseconds only).
        submissions.AddColumn("received_at", "varchar").NotNull();
        yield return submissions;
        var respondents = new FilledTable(TriggerKeptFeature.Name(schema, Respondents), [$"{schema}.mt_events", $"{schema}.{standings}"], Fill(schema, standings));
        // The second of the two, so it is created filled (both) from the events already stored (docs/upgrading.md).
        respondents.AddColumn<Guid>("appraisal_id").AsPrimaryKey();
        respondents.AddColumn("respondent", "varchar").AsPrimaryKey();
        respondents.AddColumn("response", "jsonb").NotNull();
        yield return respondents;

        var function = new PostgresqlObjectName(schema, "kinerja_keep_public_feedback", SchemaUtils.IdentifierUsage.Function);
        // Written as pg_get_functiondef prints it back, so that the diff of a database already holding it finds nothing to do.
        yield return Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{function.QualifiedName}}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              {{Keep(schema, "new")}};
              return null;
            end;
            $function$;
            """);
        yield return new Trigger(TriggerKeptFeature.Name(schema, "kinerja_public_feedback_rows"), TriggerKeptFeature.Name(schema, "mt_events"), $"{function.QualifiedName}()")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert, ForEachRow = true,
            // As pg_get_triggerdef prints it back (see the function above).
            Condition = $"((new.type)::text = '{EventType}'::text)",
        };
    }

    /// <summary>
    /// The rows one public response writes, from the event's row <paramref name="e"/>: its submission (a second insert of the same one
    /// fails on the primary key) and, when the portal named the respondent, their counted response, which a later one replaces.
    /// </summary>
    private static string Keep(string schema, string e) => $"""
        insert into {schema}.{Submissions} (appraisal_id, submission_id, received_at)
              values ({e}.stream_id, {e}.data ->> 'submissionId', {e}.data ->> 'receivedAt');
              if {e}.data ->> 'respondent' is not null then
                insert into {schema}.{Respondents} as r (appraisal_id, respondent, response)
                values ({e}.stream_id, {e}.data ->> 'respondent', {Response(e)})
                on conflict (appraisal_id, respondent) do update set response = excluded.response;
              end if
        """;

    /// <summary>A <see cref="ReplacedResponse"/> as the store's serializer writes it, from the event's JSON.</summary>
    private static string Response(string e) =>
        $"jsonb_build_object('id', {e}.data -> 'submissionId', 'scores', {e}.data -> 'scores', 'group', {e}.data -> 'respondentGroup')";

    /// <summary>
    /// The rows and the standings' counts from the events already stored, in the events' order: what the tables are filled with when
    /// created (a database written before them, docs/upgrading.md), and what a test compares the live rows with. A standing written
    /// before the count held the submissions in its JSON (<c>public</c>, decision 152): that goes, the count comes.
    /// </summary>
    public static string Fill(string schema, string standings) => $"""
        insert into {schema}.{Submissions} (appraisal_id, submission_id, received_at)
        select stream_id, data ->> 'submissionId', data ->> 'receivedAt' from {schema}.mt_events where type = '{EventType}' order by seq_id;
        insert into {schema}.{Respondents} as r (appraisal_id, respondent, response)
        select distinct on (stream_id, data ->> 'respondent') stream_id, data ->> 'respondent', {Response("e")}
        from {schema}.mt_events e where type = '{EventType}' and data ->> 'respondent' is not null
        order by stream_id, data ->> 'respondent', seq_id desc;
        update {schema}.{standings} st set data = (st.data - 'public') || jsonb_build_object('publicReceived', c.received)
        from (select appraisal_id, count(*) as received from {schema}.{Submissions} group by appraisal_id) c
        where c.appraisal_id = st.id and (st.data -> 'publicReceived') is distinct from to_jsonb(c.received)
        """;

    /// <summary>
    /// What one public feedback decides on, besides the standing it locks: the standing's count of submissions (to tell whether these
    /// rows were read before a response committed between the look-up and the lock), its submission's first time, and the counted
    /// response of its respondent, hashed here as <see cref="Feedback.Respondent"/> hashes them (the caller checks the hash is the same).
    /// One statement, so one snapshot. <paramref name="where"/> finds the standing: by cycle and NIP before the lock, by id under it.
    /// </summary>
    public static string Look(IQuerySession session, string where)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        return $"""
            select jsonb_build_object('appraisalId', st.id, 'received', coalesce((st.data ->> 'publicReceived')::int, 0),
              'firstReceivedAt', (select s.received_at from {schema}.{Submissions} s where s.appraisal_id = st.id and s.submission_id = ?),
              'respondent', h.respondent,
              'counted', (select r.response from {schema}.{Respondents} r where r.appraisal_id = st.id and r.respondent = h.respondent))
            from {session.TableOf<AppraisalStanding>()} st
            cross join lateral (select case when ? = '' then null
              else left(encode(sha256(convert_to('kinerja/respondent/' || replace(st.id::text, '-', '') || '/' || ?, 'UTF8')), 'hex'), 32) end) h (respondent)
            where {where}
            """;
    }

    /// <summary>The whole ledger the rows hold for an appraisal (the count from its standing): what tests compare with a fold of its stream.</summary>
    public static async Task<PublicFeedbackLedger> Ledger(IQuerySession session, Guid appraisalId, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var submissions = await session.QueryAsync<Row>(
            $"select jsonb_build_object('key', submission_id, 'value', received_at) from {schema}.{Submissions} where appraisal_id = ?", ct, appraisalId);
        var respondents = await session.QueryAsync<Counted>(
            $"select jsonb_build_object('key', respondent, 'value', response) from {schema}.{Respondents} where appraisal_id = ?", ct, appraisalId);
        var standing = await session.LoadAsync<AppraisalStanding>(appraisalId, ct);
        return new PublicFeedbackLedger(
            appraisalId,
            System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                submissions.Select(s => KeyValuePair.Create(s.Key, DateTimeOffset.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)))),
            System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, respondents.Select(r => KeyValuePair.Create(r.Key, r.Value))))
        {
            Received = standing?.PublicReceived ?? 0,
        };
    }

    private sealed record Row(string Key, string Value);

    private sealed record Counted(string Key, ReplacedResponse Value);

    /// <summary>
    /// A feature of its own that depends on the standings (the fill sets their count), so Marten creates it after their table; the
    /// events' table is created before any document's.
    /// </summary>
    public sealed class Feature(StoreOptions options) : TriggerKeptFeature(options, nameof(PublicFeedbackRows), typeof(AppraisalStanding), SchemaObjects);
}
