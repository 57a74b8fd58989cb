using Kinerja.Application.Common;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.GettingUnits;

/// <summary>Who headed the unit from a date; a null NIP means vacant.</summary>
public sealed record UnitHeadView(string? HeadNip, DateOnly EffectiveFrom);

/// <summary>A unit with its sub-units and its heads by date; the whole tree is small (tens of units for a city, hundreds for a province).</summary>
public sealed record UnitNode(string Code, string Name, string? ParentCode, IReadOnlyList<UnitNode> Children, IReadOnlyList<UnitHeadView> Heads)
{
    public static IReadOnlyList<UnitHeadView> HeadsOf(UnitKerja unit) => [.. (unit.Heads ?? []).Select(h => new UnitHeadView(h.HeadNip, h.EffectiveFrom))];
}

/// <summary>The unit tree, roots and children ordered by code.</summary>
public sealed record GetUnitTree : IQuery<IReadOnlyList<UnitNode>>;

public sealed record GetUnit(string Code) : IQuery<Versioned<UnitNode>>;

public sealed class UnitTreeHandlers(IUnitDirectory units, IEventStore store)
    : IQueryHandler<GetUnitTree, IReadOnlyList<UnitNode>>, IQueryHandler<GetUnit, Versioned<UnitNode>>
{
    public async ValueTask<IReadOnlyList<UnitNode>> Handle(GetUnitTree query, CancellationToken ct) =>
        Build(await units.All(ct), parentId: null);

    public async ValueTask<Versioned<UnitNode>> Handle(GetUnit query, CancellationToken ct)
    {
        var unit = await units.Addressed(query.Code, ct);
        var all = await units.All(ct);
        var parentCode = all.FirstOrDefault(u => u.Id == unit.ParentUnitId)?.Code;
        var node = new UnitNode(unit.Code, unit.Name, parentCode, Build(all, unit.Id), UnitNode.HeadsOf(unit));
        return new Versioned<UnitNode>(node, await store.Version(unit.Id, ct) ?? 0);
    }

    private static IReadOnlyList<UnitNode> Build(IReadOnlyList<UnitKerja> all, Guid? parentId)
    {
        var byParent = all.ToLookup(u => u.ParentUnitId);
        var codes = all.ToDictionary(u => u.Id, u => u.Code);
        return Children(parentId);

        IReadOnlyList<UnitNode> Children(Guid? parent) =>
            [.. byParent[parent].OrderBy(u => u.Code, StringComparer.Ordinal)
                .Select(u => new UnitNode(u.Code, u.Name, u.ParentUnitId is { } p ? codes.GetValueOrDefault(p) : null, Children(u.Id), UnitNode.HeadsOf(u)))];
    }
}
