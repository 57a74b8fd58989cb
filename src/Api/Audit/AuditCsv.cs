using System.Globalization;
using System.Text.Json;
using Kinerja.Application.Common;
using Kinerja.Application.Audit.CheckingSeparationOfDuties;
using Kinerja.Application.Audit.GettingHistory;

namespace Kinerja.Api.Audit;

/// <summary>The CSV columns of an audit entry, for auditors who sample in a spreadsheet.</summary>
internal static class AuditEntryCsv
{
    public const string Header = "sequence,recordedAt,streamId,version,type,effectiveOn,daysBackDated,userName,role,actorNip,correlationId,causationId,reason,data";

    public static string[] Fields(AuditEntry e, JsonSerializerOptions json) =>
    [
        Number(e.Sequence), Instant(e.RecordedAt), e.StreamId.ToString(), Number(e.Version), e.Type, Date(e.EffectiveOn),
        e.DaysBackDated?.ToString(CultureInfo.InvariantCulture) ?? "", e.UserName ?? "", e.Role ?? "", e.ActorNip ?? "",
        e.CorrelationId ?? "", e.CausationId ?? "", e.Reason ?? "", JsonSerializer.Serialize(e.Data, e.Data.GetType(), json),
    ];

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => Wit.Show(at);

    public static string Date(DateOnly? on) => on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

internal static class DutyFindingCsv
{
    public const string Header = "sequence,kind,appraisalId,rateeNip,type,actedBy,expectedNip,on,version,recordedAt";

    public static string[] Fields(DutyFinding f) =>
    [
        AuditEntryCsv.Number(f.Sequence), f.Kind, f.AppraisalId.ToString(), f.RateeNip, f.Type, f.ActedBy ?? "", f.ExpectedNip ?? "",
        AuditEntryCsv.Date(f.On), AuditEntryCsv.Number(f.Version), AuditEntryCsv.Instant(f.RecordedAt),
    ];
}
