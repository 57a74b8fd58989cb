using Kinerja.Infrastructure.Tenancy;
using Marten;
using Weasel.Core;
using Weasel.Core.CommandLine;
using Weasel.Core.Migrations;

namespace Kinerja.Api.Hosting;

/// <summary>
/// <c>db-dump FILE</c> and <c>db-patch FILE</c> without <c>-d</c>: the service has one schema in one PostgreSQL database,
/// but Weasel sees two (Marten's store and Wolverine's message tables) and refused to choose. Without <c>-d</c> the
/// script covers both, in the order <c>db-apply</c> applies them; with <c>-d</c> Weasel's own verb runs as before.
/// With tenancy on the databases are several and a script is run against one of them: <c>--instansi ID</c> (required, as for the
/// other admin verbs) names it, and the script covers every part Weasel sees in that instansi's database, once (decision 158):
/// Weasel's <c>-d ID</c> picks one part by its identifier, Marten's store of the instansi, and leaves Wolverine's tables out.
/// </summary>
public static class SchemaScripts
{
    public const string Dump = "db-dump";
    public const string Patch = "db-patch";

    public const string Usage = "FILE [--instansi ID]";

    public static async Task<int> Write(IHost host, string verb, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(host.Services, args);
        if (work is null)
        {
            return 2;
        }

        if (work.Rest is not [var file] || file.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"usage: {verb} {Usage}");
            return 2;
        }

        var scripts = new List<string>();
        foreach (var database in await Databases(host, work.Services.GetRequiredService<TenantScope>().Id))
        {
            var part = Path.GetTempFileName();
            try
            {
                if (verb == Dump)
                {
                    await database.WriteCreationScriptToFileAsync(part);
                }
                else
                {
                    var migration = await database.CreateMigrationAsync();
                    if (migration.Difference == SchemaPatchDifference.None)
                    {
                        continue;
                    }

                    migration.AssertPatchingIsValid(JasperFx.AutoCreate.CreateOrUpdate);
                    await database.Migrator.WriteMigrationFileAsync(part, migration);
                }

                scripts.Add($"-- {database.Describe().SubjectUri}{Environment.NewLine}{await File.ReadAllTextAsync(part)}");
            }
            finally
            {
                File.Delete(part);
            }
        }

        if (scripts.Count == 0)
        {
            Console.WriteLine("No differences between the configuration and the database: nothing to patch.");
            return 0;
        }

        await File.WriteAllTextAsync(file, string.Join(Environment.NewLine, scripts));
        Console.WriteLine($"Wrote {Path.GetFullPath(file)} ({scripts.Count} part{(scripts.Count == 1 ? "" : "s")}: Marten's store and Wolverine's message tables as needed).");
        return 0;
    }

    /// <summary>
    /// Every database Weasel sees, or with an instansi those in its PostgreSQL database (Weasel's database id: server and database
    /// name): Marten's store of the instansi and Wolverine's tables there, and with the default instansi also the tenant table and
    /// Wolverine's main tables (Wolverine lists the default instansi's own store, on those same tables, only once).
    /// </summary>
    private static async Task<IReadOnlyList<IDatabase>> Databases(IHost host, string? instansi)
    {
        var all = await new WeaselInput().AllDatabases(host);
        if (instansi is null)
        {
            return all;
        }

        var where = ((IDatabase)await host.Services.GetRequiredService<IDocumentStore>().Storage.FindOrCreateDatabase(instansi)).Id;
        return [.. all.Where(d => d.Id.Equals(where))];
    }
}
