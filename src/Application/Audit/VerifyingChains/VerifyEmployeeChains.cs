using Mediator;

namespace Kinerja.Application.Audit.VerifyingChains;

/// <summary>Whether every stream about the employee still hashes to the chain sealed when its events were committed.</summary>
public sealed record ChainVerification(string Nip, bool Intact, IReadOnlyList<StreamVerification> Streams);

public sealed record VerifyEmployeeChains(string Nip) : IQuery<ChainVerification>;

public sealed class VerifyEmployeeChainsHandler(AuditAccess access, IAuditTrail trail) : IQueryHandler<VerifyEmployeeChains, ChainVerification>
{
    public async ValueTask<ChainVerification> Handle(VerifyEmployeeChains query, CancellationToken ct)
    {
        var employee = await access.Employee(query.Nip, ct, verifying: true);
        var streams = await trail.Verify(await trail.StreamsOf(employee.Id, ct), ct);
        return new ChainVerification(employee.Nip, streams.All(s => s.FirstBrokenVersion is null), streams);
    }
}
