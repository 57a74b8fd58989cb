using Kinerja.Application.Integration;

namespace Kinerja.UnitTests.Integration;

/// <summary>The feed's lookups (NIP by employee, unit code by unit, subject by stream) as the mappings leave them.</summary>
public sealed class FeedContextStub : IFeedContext
{
    public Dictionary<Guid, string> Nips { get; } = [];

    public Dictionary<Guid, StreamSubject> Subjects { get; } = [];

    public Dictionary<Guid, string> UnitCodes { get; } = [];

    public ValueTask<string> NipOf(Guid employeeId, CancellationToken ct) => ValueTask.FromResult(Nips[employeeId]);

    public void NipIs(Guid employeeId, string nip) => Nips[employeeId] = nip;

    public ValueTask<string> UnitCodeOf(Guid unitId, CancellationToken ct) => ValueTask.FromResult(UnitCodes[unitId]);

    public ValueTask<StreamSubject> SubjectOf(Guid streamId, CancellationToken ct) => ValueTask.FromResult(Subjects[streamId]);

    public void SubjectIs(Guid streamId, StreamSubject subject) => Subjects[streamId] = subject;
}
