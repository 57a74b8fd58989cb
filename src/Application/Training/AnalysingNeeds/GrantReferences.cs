using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.FollowUps;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Training.AnalysingNeeds;

/// <summary>
/// A grant that cites a weakness, a support plan or a training need must cite one the employee has (docs/decisions/102):
/// a weakness by its performance need id, a support plan by its cycle id, a need by its competency code or performance
/// need id. Appraisal and 9-box references are kept as given.
/// </summary>
public sealed class GrantReferences(EmployeeTrainingNeeds needs, IEventStore store)
{
    private static readonly ReferenceKind[] Checked = [ReferenceKind.Weakness, ReferenceKind.SupportFlag, ReferenceKind.TrainingNeed];

    public async Task EnsureExist(EmployeeProfile profile, IReadOnlyList<ReasonReference> references, CancellationToken ct)
    {
        var cited = references.Where(r => Checked.Contains(r.Kind)).ToList();
        if (cited.Count == 0)
        {
            return;
        }

        var found = await needs.Of(profile, null, ct);
        var weaknesses = found.Performance.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var competencies = found.Competency.Select(c => c.CompetencyCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var followUp = await store.Load<FollowUp>(FollowUp.IdFor(profile.Id), ct);
        foreach (var reference in cited)
        {
            var exists = reference.Kind switch
            {
                ReferenceKind.Weakness => weaknesses.Contains(reference.Id),
                ReferenceKind.SupportFlag => Guid.TryParse(reference.Id, out var cycle) && followUp?.SupportPlanIn(cycle) is not null,
                _ => weaknesses.Contains(reference.Id) || competencies.Contains(reference.Id),
            };
            if (!exists)
            {
                throw new DomainRuleViolation("grant-reference-unknown",
                    $"{profile.Nip} has no {reference.Kind} '{reference.Id}': cite a weakness of the latest final appraisal or a training need by the id GET training-needs gives, a support plan by its cycle id.",
                    new Dictionary<string, object> { ["referenceKind"] = reference.Kind.ToString(), ["referenceId"] = reference.Id });
            }
        }
    }
}
