using JasperFx.Events;
using Kinerja.Application.Common;
using Kinerja.Domain;

namespace Kinerja.Infrastructure.Common;

/// <summary>What an event's metadata says beyond its data, read the one way every read model, the feed and the audit read it.</summary>
internal static class EventMetadata
{
    public static Actor Actor(this IEvent e) =>
        EventActor.Of(e.UserName, e.Header(EventHeaders.Role), e.Header(EventHeaders.ActorNip), e.Header(EventHeaders.ActorAccount));

    public static string? Header(this IEvent e, string key) => e.Headers is { } headers && headers.TryGetValue(key, out var value) ? value?.ToString() : null;
}
