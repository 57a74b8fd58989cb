using Weasel.Core;
using Weasel.Core.CommandLine;
using Weasel.Core.Migrations;

namespace Kinerja.Api.Hosting;

/// <summary>
/// <c>db-dump FILE</c> and <c>db-patch FILE</c> without <c>-d</c>: the service has one schema in one PostgreSQL database,
/// but Weasel sees two (Marten's store and Wolverine's message tables) and refused to choose. Without <c>-d</c> the
/// script covers both, in the order <c>db-apply</c> applies them; with <c>-d</c> Weasel's own verb runs as before.
/// </summary>
public static class SchemaScripts
{
    public const string Dump = "db-dump";
    public const string Patch = "db-patch";

    public static async Task<int> Write(IHost host, string verb, string file)
    {
        var scripts = new List<string>();
        foreach (var database in await new WeaselInput().AllDatabases(host))
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
}
