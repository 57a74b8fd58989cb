using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Units;

public static class UnitRules
{
    /// <summary>Unit codes are short identifiers such as DISDIK or KEC-NUSANIWE, stored upper-case.</summary>
    public static IRuleBuilderOptions<T, string> UnitCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Za-z0-9][A-Za-z0-9-]{1,31}$")
            .WithMessage(new Wording("harus 2–32 huruf, angka, atau tanda hubung, diawali huruf atau angka", "must be 2-32 letters, digits or hyphens, starting with a letter or digit"));

    public static IRuleBuilderOptions<T, string> UnitName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(UnitKerja.MaxNameLength);

    /// <summary>The unit a route addresses: unknown is a 404.</summary>
    public static async Task<UnitKerja> Addressed(this IUnitDirectory units, string code, CancellationToken ct) =>
        await units.Find(code, ct) ?? throw NotFound(code);

    /// <summary>
    /// A list filtered by unit (<c>?unit=</c>) that found nothing: an unknown unit is a 404 as where a route addresses one,
    /// a known one is simply empty. Looked up only for an empty answer, so a list that found rows pays no extra round trip.
    /// </summary>
    public static async Task EnsureFilterKnown(this IUnitDirectory units, string? code, bool foundNothing, CancellationToken ct)
    {
        if (foundNothing && code is not null)
        {
            await units.Addressed(code, ct);
        }
    }

    public static NotFound NotFound(string code) => new("unit-not-found", $"Unit {code.ToUpperInvariant()} is not registered.");

    /// <summary>A decision on the unit a route addresses: its stream id follows from the code, so no lookup comes first.</summary>
    public static async Task<Written> DecideUnit(
        this IEventStore store, string code, Func<UnitKerja, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var version = await store.Decide(UnitKerja.IdFor(code), () => NotFound(code), decide, ct);
        return new Written(UnitKerja.IdFor(code), version, UnitKerja.Canonical(code));
    }

    /// <summary>A unit a request body refers to: unknown breaks a rule of the request (409).</summary>
    public static async Task<UnitKerja> Referenced(this IUnitDirectory units, string code, CancellationToken ct) =>
        await units.Find(code, ct) ?? throw new DomainRuleViolation("unknown-unit", $"Unit {code.ToUpperInvariant()} is not registered.");
}
