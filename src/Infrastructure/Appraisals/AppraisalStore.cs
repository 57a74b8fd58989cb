using JasperFx.Events.Projections;
using Kinerja.Application.Appraisals;
using Kinerja.Domain.Evaluations;
using Marten;
using Marten.Schema;

namespace Kinerja.Infrastructure.Appraisals;

internal static class AppraisalStore
{
    public const int StandingFillFactor = 70;

    public static void Configure(StoreOptions opts, ScoreWeights weights)
    {
        foreach (var type in AppraisalEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        // The decision state is folded from the stream's events on every command instead of being kept as a snapshot
        // document (docs/decisions/064): an appraisal has a few dozen events (public feedback is capped per
        // appraisal), and a snapshot doubled what a rebuild reads and what every command writes.
        opts.Projections.Add<AppraisalStateProjection>(ProjectionLifecycle.Live);
        opts.Projections.Add(new AppraisalRecordProjection(), ProjectionLifecycle.Inline);
        // The feedback tallies and the score beside the record (docs/decisions/070): a feedback writes this small document only.
        opts.Projections.Add(new AppraisalStandingProjection(weights), ProjectionLifecycle.Inline);
        // Ranking sorts and counts a whole cycle: its keys are columns, so no document is read but the page's.
        opts.Schema.For<AppraisalStanding>()
            .Duplicate(x => x.CycleId)
            .Duplicate(x => x.UnitCode)
            .Duplicate(x => x.Nip)
            .Duplicate(x => x.RankClass!)
            .Duplicate(x => x.RankScore!)
            .Duplicate(x => x.RankResults!)
            // Every public feedback rewrites this document (docs/decisions/161): an index on an expression of the JSON makes no
            // update heap-only (HOT), so the employee is a column, and each page keeps room for the next version of its rows.
            .Duplicate(x => x.EmployeeId)
            .FillFactor(StandingFillFactor)
            // The ranking's counts (ranked and not, for the cycle or a unit) read this index alone: with the rank class in it
            // PostgreSQL counts a city's 10,000 without visiting the table (1 ms instead of 11, docs/decisions/063).
            .Index([x => x.CycleId, x => x.UnitCode, x => x.RankClass!], i => i.Name = "mt_doc_appraisalstanding_idx_cycle_unit");
        // The ranking's counts and a unit's distribution read a tally per (cycle, unit, class) kept by triggers on this table instead
        // of counting the cycle's standings: 50,000 index entries in a province (docs/decisions/166).
        opts.Storage.Add(new Ranking.RankingTally.Feature(opts));
        // What public feedback is decided on besides the count this table keeps: a narrow row per submission and per named respondent,
        // kept by a trigger on the events, so neither a feedback's reads nor this document grow with the responses (docs/decisions/168).
        opts.Storage.Add(new PublicFeedbackRows.Feature(opts));
        // Every public feedback reads this document under the lock and rewrites it (about 5 KB of JSON): compressed by lz4 and kept in
        // the row instead of pglz's out-of-line TOAST value, a write and a read no longer go through the TOAST table and its index, and
        // neither compresses with pglz (docs/decisions/173).
        opts.Storage.Add(new StandingStorage(opts));
        // The cycle-wide ranking's page in listing order (class, score and results descending, NIP): without it PostgreSQL sorted every
        // ranked standing of the cycle for one page, 48 ms at a province's 49,466 against 0.4 ms through it (docs/decisions/154). Two
        // columns descend, which Marten's member indexes cannot say, so the index is declared on the columns.
        opts.Policies.ForAllDocuments(mapping =>
        {
            // The appraisal list reads these beside the (cycle, unit, NIP) index instead of each record's out-of-line JSON
            // (docs/decisions/157); nothing filters or sorts on them, so they get no index.
            if (mapping.DocumentType == typeof(AppraisalRecord))
            {
                mapping.DuplicateField(nameof(AppraisalRecord.EmployeeId));
                mapping.DuplicateField(nameof(AppraisalRecord.RaterNip));
                mapping.DuplicateField(nameof(AppraisalRecord.Status), "varchar");
                mapping.DuplicateField(nameof(AppraisalRecord.AgreedVersion));
            }

            if (mapping.DocumentType == typeof(AppraisalStanding))
            {
                mapping.Indexes.Add(new DocumentIndex(mapping, "cycle_id", "rank_class", "rank_score desc", "rank_results desc", "nip")
                {
                    Name = "mt_doc_appraisalstanding_idx_cycle_rank",
                });
            }
        });
        opts.Schema.For<AppraisalRecord>()
            .Duplicate(x => x.CycleId)
            .Duplicate(x => x.UnitCode)
            .Duplicate(x => x.Nip)
            .Index(x => x.RaterId)
            // A unit's appraisals are listed by NIP a page at a time: with the NIP last the index hands over one page instead of the whole
            // unit's records to sort (936 documents of about 3 kB for a page of 100 in a province's largest unit, docs/decisions/154).
            .Index([x => x.CycleId, x => x.UnitCode, x => x.Nip], i => i.Name = "mt_doc_appraisalrecord_idx_cycle_unit_nip")
            // Closing a cycle counts its unsettled appraisals (MartenAppraisalDirectory.CountUnsettled): with the flag in the index it
            // reads only those, none when the close succeeds, instead of every appraisal's document (327 ms at 10,000 employees,
            // docs/decisions/066).
            // The flag is a column (an index on the JSON expression was not chosen: the planner could not judge its selectivity);
            // nullable, as Marten can add only such a column to an existing table (it fills it from the documents).
            .Duplicate(x => x.Settled)
            .Index([x => x.CycleId, x => x.Settled], i => i.Name = "mt_doc_appraisalrecord_idx_cycle_settled");
    }

    /// <summary>The standing's JSON column compressed by lz4 and kept in the row (<see cref="ColumnStorage"/>), set after its table exists.</summary>
    public sealed class StandingStorage(StoreOptions options) : Common.TriggerKeptFeature(options, nameof(StandingStorage), typeof(AppraisalStanding),
        (schema, table) => [new Common.ColumnStorage(Common.TriggerKeptFeature.Name(schema, table), "data", 'm', 'l')]);
}
