using Kinerja.Application.Integration;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Integration;

/// <summary>The feed's contract covers every stored event type: published by a mapping, or listed as internal with its reason.</summary>
public sealed class FeedContractTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public void Every_stored_event_type_is_either_published_or_listed_as_internal_with_a_reason()
    {
        var stored = app.Store.Options.Events.AllKnownEventTypes().Select(t => t.EventType).Where(t => t.Namespace?.StartsWith("Kinerja.") == true).ToList();
        var published = IntegrationEventMappings.All.SelectMany(m => m.EventTypes).ToList();

        stored.Should().NotBeEmpty();
        stored.Where(t => !published.Contains(t) && !InternalEvents.Reasons.ContainsKey(t)).Select(t => t.FullName)
            .Should().BeEmpty("a new event type is mapped in an IIntegrationEventMapping, or listed in InternalEvents.Reasons with why a mirror does not need it");
        published.Intersect(InternalEvents.Reasons.Keys).Should().BeEmpty("a type is published or internal, not both");
        published.Should().OnlyHaveUniqueItems("one mapping owns each type");
        InternalEvents.Reasons.Values.Should().OnlyContain(reason => reason.Length > 20);
        InternalEvents.Reasons.Keys.Should().BeSubsetOf(stored, "a listed type is one the store knows");
    }
}
