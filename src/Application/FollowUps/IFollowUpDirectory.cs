using Kinerja.Domain.FollowUps;

namespace Kinerja.Application.FollowUps;

public interface IFollowUpDirectory
{
    /// <summary>The follow-ups holding a support plan, of any cycle and revision, that names the employee as responsible.</summary>
    Task<IReadOnlyList<FollowUp>> WithSupportPlansFor(Guid responsibleId, CancellationToken ct);

    /// <summary>The follow-ups of the employees that have one.</summary>
    Task<IReadOnlyList<FollowUp>> Of(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);
}
