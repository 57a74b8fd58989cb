using JasperFx.Events.Projections;
using Kinerja.Application.Training;
using Kinerja.Domain.Training;
using Marten;

namespace Kinerja.Infrastructure.Training;

internal static class TrainingStore
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var type in TrainingEventTypes.Grant.Concat(TrainingEventTypes.Budget).Concat(TrainingEventTypes.Ledger).Concat(TrainingEventTypes.Partner))
        {
            opts.Events.AddEventType(type);
        }

        // Inline: a decision reads these states in the transaction that appended their events, so budget and cap checks are never stale.
        opts.Projections.Add<TrainingGrantStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TrainingBudgetStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<JpLedgerProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TrainingPartnerProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TrainingGrantRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TrainingBudgetRecordProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TrainingGrantRecord>().Index(x => x.UnitCode).Index(x => x.EmployeeId).Index(x => x.Year);
        opts.Schema.For<JpLedger>().Index(x => x.EmployeeId);
    }
}
