using System.Text.RegularExpressions;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Services;
using Marten.Storage;
using Npgsql;

namespace Kinerja.Infrastructure.Tenancy;

/// <summary>
/// <c>Kinerja:Tenancy</c>: a database per instansi (docs/decisions/145). Off by default: one instansi, the database of
/// <c>ConnectionStrings:Kinerja</c>, exactly as before tenancy existed.
/// </summary>
public sealed partial class TenancySettings
{
    public const string Section = "Kinerja:Tenancy";

    /// <summary>Whether instansi are told apart by the token's <c>instansi</c> claim, each with a database of its own.</summary>
    public bool Enabled { get; set; }

    /// <summary>The instansi whose data is in the database of <c>ConnectionStrings:Kinerja</c>.</summary>
    public string DefaultTenant { get; set; } = "kota-ambon";

    /// <summary>A message's or daemon's tenant id as this service uses it: none when tenancy is off (the database is the only one).</summary>
    public string? Of(string? tenantId) => Enabled ? tenantId : null;

    public static IEnumerable<string> Broken(TenancySettings t) =>
        IsTenantId(t.DefaultTenant) ? [] : [$"DefaultTenant is '{t.DefaultTenant}'; {TenantIdRule}"];

    public const string TenantIdRule = "an instansi id takes 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit.";

    public static bool IsTenantId(string? id) => id is not null && TenantId().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TenantId();
}

/// <summary>The instansi a scope works for: set once, from the token (a request) or from the message or loop that opened the scope.</summary>
public sealed class TenantScope
{
    /// <summary>null: the single database (tenancy off). With tenancy on, a scope without a tenant opens no session at all.</summary>
    public string? Id { get; private set; }

    public void Enter(string? tenantId)
    {
        if (Id is not null && Id != tenantId)
        {
            throw new InvalidOperationException($"This scope already works for instansi '{Id}'.");
        }

        Id = tenantId;
    }
}

/// <summary>
/// Which instansi a piece of work may name: a request's token (TenantFromToken) and an admin verb's <c>--instansi</c> meet the same rule.
/// With tenancy off only the default instansi, or none; with it on exactly one instansi of the tenant table.
/// </summary>
public static class TenantCheck
{
    public const string Required = "tenant-required";

    public const string Unknown = "tenant-unknown";

    /// <returns>null when the work may go on for <paramref name="named"/>, else the refusal's problem code.</returns>
    public static async Task<string?> Refusal(IDocumentStore store, TenancySettings tenancy, string? named)
    {
        if (!tenancy.Enabled)
        {
            return named is null || named == tenancy.DefaultTenant ? null : Unknown;
        }

        if (named is null)
        {
            return Required;
        }

        return TenancySettings.IsTenantId(named) && await Serves(store, named) ? null : Unknown;
    }

    /// <summary>Enters the scope into the named instansi when the rule lets the work go on; else the refusal's problem code.</summary>
    public static async Task<string?> Enter(TenantScope scope, IDocumentStore store, TenancySettings tenancy, string? named)
    {
        if (await Refusal(store, tenancy, named) is { } refusal)
        {
            return refusal;
        }

        if (tenancy.Enabled)
        {
            scope.Enter(named);
        }

        return null;
    }

    /// <summary>Looks the instansi up in the tenant table, which is read again for an id not seen before: one added while the service runs is served at once.</summary>
    private static async Task<bool> Serves(IDocumentStore store, string tenantId)
    {
        try
        {
            // GetTenantAsync keeps the database it found; FindOrCreateDatabase would build a new connection pool on every miss.
            await store.Options.Tenancy.GetTenantAsync(tenantId);
            return true;
        }
        catch (UnknownTenantIdException)
        {
            return false;
        }
    }
}

/// <summary>Sessions and connections of one instansi's database: the only way code outside Marten's own factory opens them.</summary>
public static class TenantDatabases
{
    public static IDocumentSession Write(IDocumentStore store, string? tenantId) =>
        tenantId is null ? store.LightweightSession() : store.LightweightSession(tenantId);

    public static IDocumentSession Write(IDocumentStore store, string? tenantId, NpgsqlTransaction transaction)
    {
        var options = SessionOptions.ForTransaction(transaction);
        if (tenantId is not null)
        {
            options.TenantId = tenantId;
        }

        return store.LightweightSession(options);
    }

    public static IQuerySession Read(IDocumentStore store, string? tenantId) =>
        tenantId is null ? store.QuerySession() : store.QuerySession(tenantId);

    public static async ValueTask<NpgsqlConnection> Connection(IDocumentStore store, string? tenantId) =>
        (NpgsqlConnection)(await Database(store, tenantId)).CreateConnection();

    private static async ValueTask<IMartenDatabase> Database(IDocumentStore store, string? tenantId) =>
        tenantId is null ? store.Storage.Database : await store.Storage.FindOrCreateDatabase(tenantId);

    /// <summary>The instansi's connection string as the tenant table holds it; null for the single database (tenancy off).</summary>
    public static async ValueTask<string?> ConnectionString(IDocumentStore store, string? tenantId) =>
        tenantId is not null && store.Options.Tenancy is ITenantedSource<string> table ? await table.FindAsync(tenantId) : null;

    /// <summary>Every instansi's id: <c>[null]</c> when tenancy is off, else each row of the tenant table that is not disabled.</summary>
    public static async Task<IReadOnlyList<string?>> All(IDocumentStore store)
    {
        if (store.Options.Tenancy is not MasterTableTenancy tenancy)
        {
            return [null];
        }

        var databases = await tenancy.BuildDatabases();
        // A tenant table database is named after its instansi (the same identifier Wolverine gives its message store there).
#pragma warning disable CS0618
        return [.. databases.OfType<IMartenDatabase>().Select(d => (string?)d.Identifier).Order()];
#pragma warning restore CS0618
    }
}

/// <summary>The request's or message's instansi applied to the sessions a scope opens (MartenEventStore, IQuerySession, adapters).</summary>
public sealed class TenantSessions(IDocumentStore store, TenantScope scope, TenancySettings tenancy)
{
    public IDocumentSession Write() => TenantDatabases.Write(store, Tenant);

    /// <summary>A session that writes in <paramref name="transaction"/> (opened on <see cref="Connection"/>) and leaves its commit to the caller.</summary>
    public IDocumentSession Write(NpgsqlTransaction transaction) => TenantDatabases.Write(store, Tenant, transaction);

    public IQuerySession Read() => TenantDatabases.Read(store, Tenant);

    public ValueTask<NpgsqlConnection> Connection() => TenantDatabases.Connection(store, Tenant);

    public ValueTask<string?> ConnectionString() => TenantDatabases.ConnectionString(store, Tenant);

    private string? Tenant => scope.Id is null && tenancy.Enabled
        ? throw new InvalidOperationException("This work names no instansi: with Kinerja:Tenancy:Enabled every session belongs to one.")
        : scope.Id;
}
