using Kinerja.Application.Appraisals;
using Kinerja.Application.Cycles.GettingProgress;
using Kinerja.Domain.Appraisals;

namespace Kinerja.UnitTests.Cycles;

/// <summary>Each appraisal counts once, at its furthest step: excusal over evaluation, evaluation over the plan.</summary>
public sealed class CycleProgressTests
{
    [Theory]
    [InlineData(AppraisalStatus.Opened, null, false, "opened")]
    [InlineData(AppraisalStatus.Draft, null, false, "draft")]
    [InlineData(AppraisalStatus.Submitted, null, false, "planSubmitted")]
    [InlineData(AppraisalStatus.Returned, null, false, "planReturned")]
    [InlineData(AppraisalStatus.Agreed, null, false, "agreed")]
    [InlineData(AppraisalStatus.Agreed, EvaluationStatus.Submitted, false, "evaluated")]
    [InlineData(AppraisalStatus.Agreed, EvaluationStatus.Returned, false, "evaluationReturned")]
    [InlineData(AppraisalStatus.Agreed, EvaluationStatus.Approved, false, "approved")]
    [InlineData(AppraisalStatus.Submitted, null, true, "excused")]
    [InlineData(AppraisalStatus.Agreed, EvaluationStatus.Submitted, true, "excused")]
    public void An_appraisal_counts_at_its_furthest_step(AppraisalStatus plan, EvaluationStatus? evaluation, bool excused, string step)
    {
        var counts = StageCounts.None.Add(new StageCount("SMPN1", plan, evaluation, excused, 3));

        var steps = new Dictionary<string, int>
        {
            ["opened"] = counts.Opened, ["draft"] = counts.Draft, ["planSubmitted"] = counts.PlanSubmitted, ["planReturned"] = counts.PlanReturned,
            ["agreed"] = counts.Agreed, ["evaluated"] = counts.Evaluated, ["evaluationReturned"] = counts.EvaluationReturned,
            ["approved"] = counts.Approved, ["excused"] = counts.Excused,
        };
        steps.Where(s => s.Value != 0).Select(s => (s.Key, s.Value)).Should().Equal((step, 3));
        counts.Total.Should().Be(3);
    }
}
