using Kinerja.Domain;

namespace Kinerja.Application.Common;

public static class Roles
{
    public const string HrAdmin = "hr-admin";

    /// <summary>An OPD's own HR officer: reads and writes the registry of the unit its token names (claim <c>unit</c>) and its sub-units.</summary>
    public const string OpdAdmin = "opd-admin";
    public const string Supervisor = "supervisor";
    public const string Employee = "employee";
    public const string Auditor = "auditor";
    public const string Portal = "portal";

    public static readonly IReadOnlyList<string> All = [HrAdmin, OpdAdmin, Supervisor, Employee, Auditor, Portal];

    /// <summary>Roles that see every record (auditors read all and write nothing).</summary>
    public static bool ReadsEverything(string? role) => role is HrAdmin or Portal or Auditor;
}

/// <summary>The request context every write records in its event metadata.</summary>
public interface ICurrentActor
{
    /// <summary>Who is acting, as the caller's credentials say.</summary>
    Actor Actor { get; }

    string CorrelationId { get; }

    /// <summary>The optional reason the caller gave for the request (X-Reason header).</summary>
    string? Reason { get; }

    /// <summary>The version of the addressed record the caller last read (If-Match), null when not given: the write path holds it to that version.</summary>
    long? IfMatch { get; }

    /// <summary>The unit an opd-admin's token names (claim <c>unit</c>): the root of the subtree they administer; null for every other caller.</summary>
    string? UnitCode => null;
}
