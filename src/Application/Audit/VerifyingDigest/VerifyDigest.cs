using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Mediator;

namespace Kinerja.Application.Audit.VerifyingDigest;

/// <summary>
/// A kept digest checked against today's chains: whether the history it covers is unchanged, the streams broken today, and a page of the
/// streams written since (ordered by stream id).
/// </summary>
public sealed record DigestVerification(
    bool Matches, string Verdict, string KeptDigest, string RecomputedDigest, long StreamsThen, long StreamsNow, long ThroughSequence,
    IReadOnlyList<StreamVerification> Broken, Page<StreamChange> ChangedSince);

/// <summary>Checks a digest copied out earlier (its <c>digest</c>, <c>recordedAt</c> and, where it has them, <c>streams</c> and <c>throughSequence</c>).</summary>
public sealed record VerifyDigest(string? Digest, DateTimeOffset? RecordedAt, long? Streams, long? ThroughSequence, int? Limit, Guid? After)
    : IQuery<DigestVerification>;

public sealed class VerifyDigestValidator : AbstractValidator<VerifyDigest>
{
    public VerifyDigestValidator()
    {
        RuleFor(q => q.RecordedAt).NotNull().WithMessage(new Wording("wajib diisi: recordedAt yang menyertai digest yang disimpan", "is required: the recordedAt the kept digest was issued with"));
        RuleFor(q => q.Digest).NotEmpty().Matches("^[0-9a-fA-F]{64}$").WithMessage(new Wording("harus 64 digit heksadesimal dari digest yang diterbitkan layanan ini", "must be the 64 hexadecimal digits of a digest the service issued"));
        RuleFor(q => q.Streams).GreaterThanOrEqualTo(0);
        RuleFor(q => q.ThroughSequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

public sealed class VerifyDigestHandler(AuditAccess access, IAuditEvidence evidence) : IQueryHandler<VerifyDigest, DigestVerification>
{
    public async ValueTask<DigestVerification> Handle(VerifyDigest query, CancellationToken ct)
    {
        access.EnsureVerifier();
        var kept = new KeptDigest(query.Digest!.ToLowerInvariant(), query.RecordedAt!.Value, query.Streams, query.ThroughSequence);
        var comparison = await evidence.Compare(kept, ct);
        var limit = query.Limit ?? Paging.MaxLimit;
        var changed = comparison.Changed.Where(c => query.After is not { } after || c.StreamId.CompareTo(after) > 0).Take(limit + 1).ToList();
        var items = changed.Take(limit).ToList();
        return DigestVerdict.Of(kept, comparison, new Page<StreamChange>(items, changed.Count > limit ? items[^1].StreamId.ToString() : null));
    }
}

/// <summary>What a comparison means, in words an auditor can act on; the CLI verb and the route say the same.</summary>
public static class DigestVerdict
{
    public static DigestVerification Of(KeptDigest kept, DigestComparison c, Page<StreamChange> changed)
    {
        // A copy kept before the chain key is an unkeyed digest: it still proves what it covered, and is compared as such.
        var recomputed = kept.Digest == c.RecomputedUnkeyed ? c.RecomputedUnkeyed : c.Recomputed;
        var matches = recomputed == kept.Digest && (kept.Streams is null || kept.Streams == c.StreamsThen);
        var since = $"{c.Changed.Count.ToString(CultureInfo.InvariantCulture)} streams were written since (changedSince)";
        var verdict = (matches, c.Broken.Count) switch
        {
            (true, 0) => $"The history the digest covers is unchanged; {since}.",
            (true, var broken) => $"The history the digest covers is unchanged, but {broken} streams are broken in what was written after it (broken); {since}.",
            (false, 0) => "The history the digest covers was changed after the digest was taken, and every chain is consistent today: events were rewritten "
                + $"together with their seals. Compare the digests recorded since (GET /audit/digests) to find the day it happened; {since}.",
            (false, var broken) => $"The history the digest covers was changed after the digest was taken: {broken} streams are broken today (broken); {since}.",
        };
        return new DigestVerification(matches, verdict, kept.Digest, recomputed, c.StreamsThen, c.StreamsNow, c.ThroughSequence, c.Broken, changed);
    }
}
