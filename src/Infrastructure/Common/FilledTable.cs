using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A table kept from other tables (by triggers), created filled from what they already hold, so an existing database's
/// <c>db-apply</c> needs no rebuild (docs/upgrading.md); a new database has nothing to fill from, or not yet the tables it reads
/// (<paramref name="reads"/>), when this is created first.
/// </summary>
internal sealed class FilledTable(DbObjectName name, IReadOnlyList<string> reads, string fill) : Table(name)
{
    public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        base.WriteCreateStatement(migrator, writer);
        writer.WriteLine($"""
            do $fill$ begin
              if {string.Join(" and ", reads.Select(t => $"to_regclass('{t}') is not null"))} then
                {fill};
              end if;
            end $fill$;
            """);
    }
}
