using Kinerja.Domain;

namespace Kinerja.Application.Common;

/// <summary>The actor of an event as its metadata recorded it: user name (the display name), role and the actor-nip and actor-account headers.</summary>
public static class EventActor
{
    /// <param name="userName">Null only for an event appended outside the write path; the account or NIP stands in then.</param>
    public static Actor Of(string? userName, string? role, string? nip, string? account) =>
        new(nip, account, string.IsNullOrEmpty(role) ? null : role, userName ?? account ?? nip ?? "unknown");
}
