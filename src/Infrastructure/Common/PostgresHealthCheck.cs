using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kinerja.Infrastructure.Common;

internal sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
        }
    }
}
