using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kinerja.Infrastructure.Common;

internal sealed class PostgresHealthCheck(IDocumentStore store, Tenancy.TenancySettings tenancy) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The main database: with tenancy on, the default instansi's, which also holds the tenant table.
            await using var session = Tenancy.TenantDatabases.Read(store, tenancy.Enabled ? tenancy.DefaultTenant : null);
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
        }
    }
}
