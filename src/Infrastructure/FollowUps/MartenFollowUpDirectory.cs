using Kinerja.Application.FollowUps;
using Kinerja.Domain.FollowUps;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.FollowUps;

internal sealed class MartenFollowUpDirectory(IQuerySession session) : IFollowUpDirectory
{
    public Task<IReadOnlyList<FollowUp>> WithSupportPlansFor(Guid responsibleId, CancellationToken ct) =>
        session.WithListElement<FollowUp>("supportPlans", "responsibleId", [responsibleId], ct);
}
