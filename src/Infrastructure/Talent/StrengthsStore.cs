using Kinerja.Application.Appraisals;
using Marten;

namespace Kinerja.Infrastructure.Talent;

/// <summary>
/// Strengths and weaknesses are judged at read time from the inline appraisal records, so there is no
/// document of their own to project; the trend reads an employee's records across cycles by this index.
/// </summary>
internal static class StrengthsStore
{
    public static void Configure(StoreOptions opts) => opts.Schema.For<AppraisalRecord>().Index(x => x.EmployeeId);
}
