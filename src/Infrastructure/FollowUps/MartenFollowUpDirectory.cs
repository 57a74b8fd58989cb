using Kinerja.Application.FollowUps;
using Kinerja.Domain.FollowUps;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.FollowUps;

internal sealed class MartenFollowUpDirectory(IQuerySession session) : IFollowUpDirectory
{
    public Task<IReadOnlyList<FollowUp>> WithSupportPlansFor(Guid responsibleId, CancellationToken ct) =>
        session.WithListElement<FollowUp>("supportPlans", "responsibleId", [responsibleId], ct);

    public async Task<IReadOnlyList<FollowUp>> Of(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct) =>
        employeeIds.Count == 0 ? [] : await session.LoadManyAsync<FollowUp>(ct, employeeIds.Select(FollowUp.IdFor));
}
