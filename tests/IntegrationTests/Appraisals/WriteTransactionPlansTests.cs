using Kinerja.IntegrationTests.Harness;
using Kinerja.Infrastructure.Common;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>
/// A write's transaction may reuse generic plans, opened by the batch that looks up what it writes to (docs/decisions/164);
/// every other session keeps the connection string's <c>force_custom_plan</c> (decision 063).
/// </summary>
public sealed class WriteTransactionPlansTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task The_write_batch_opens_a_transaction_that_reuses_plans_and_other_sessions_keep_custom_plans()
    {
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<MartenEventStore>();
            await (await store.WriteBatch(CancellationToken.None)).Execute(CancellationToken.None);
            (await PlanMode(store.Session)).Should().Be("auto");
        }

        await using var reads = app.Store.QuerySession();
        (await PlanMode(reads)).Should().Be("force_custom_plan");
    }

    private static async Task<string> PlanMode(IQuerySession session) =>
        (await session.QueryAsync<string>("select current_setting('plan_cache_mode')")).Single();
}
