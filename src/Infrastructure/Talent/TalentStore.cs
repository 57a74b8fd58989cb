using JasperFx.Events.Projections;
using Kinerja.Application.Talent;
using Marten;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Talent;

internal static class TalentStore
{
    public static void Configure(StoreOptions opts)
    {
        // Async: it folds events of many streams into one document per employee, and the daemon is its
        // only writer, so two concurrent commits (an assessment and an approval) cannot overwrite each other.
        opts.Projections.Add<TalentProfileProjection>(ProjectionLifecycle.Async);
        // The talent grid's keys, the finals' predikats and the potentials are narrow columns (docs/decisions/157) from which triggers keep
        // one narrow row per key (TalentGridRows): the grid reads a unit's rows from that table's index, not the documents' rows, so
        // none of these columns is indexed here (docs/decisions/169).
        opts.Schema.For<TalentProfile>().Duplicate(x => x.Nip);
        opts.Storage.Add(new TalentGridRows.Feature(opts));
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(TalentProfile))
            {
                mapping.DuplicateField(nameof(TalentProfile.GridKeys), "varchar[]");
                mapping.DuplicateField(nameof(TalentProfile.GridPredikats), "integer[]");
                mapping.DuplicateField(nameof(TalentProfile.PotentialValues), "integer[]");
                mapping.DuplicateField(nameof(TalentProfile.PotentialDays), "integer[]");
                mapping.DuplicateField(nameof(TalentProfile.PotentialTicks), "bigint[]");
            }
        });
        // The candidates query scores every row of this narrow document: its sort and filter keys are columns, and the
        // index on the NIP carries them all, so PostgreSQL reads the index alone, not the documents. Those who meet every
        // requirement come first, and the levels reached are indexed to find them directly (docs/decisions/063).
        opts.Projections.Add<CandidateProfileProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<CandidateProfile>()
            .Duplicate(x => x.LevelCodes, pgType: "varchar[]").Duplicate(x => x.LevelValues, pgType: "integer[]")
            .Duplicate(x => x.PredikatRank).Duplicate(x => x.BoxNumber).Duplicate(x => x.EndedOn!).Duplicate(x => x.Potential!)
            .Duplicate(x => x.Grade).Duplicate(x => x.Path).Duplicate(x => x.Rumpun)
            .Duplicate(x => x.Nip, configure: index => index.IncludeColumns =
                ["id", "level_codes", "level_values", "predikat_rank", "box_number", "potential", "ended_on", "grade", "path", "rumpun"])
            .Duplicate(x => x.LevelsReached, pgType: "varchar[]", configure: index => index.Method = IndexMethod.gin);
    }
}
