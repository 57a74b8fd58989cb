using Kinerja.Application.Integration;
using Kinerja.UnitTests.Architecture;

namespace Kinerja.UnitTests.Integration;

public sealed class IntegrationContractDocumentTests
{
    [Fact]
    public void Every_published_type_is_named_once_and_documented_in_the_contract_edition_the_code_declares()
    {
        var documented = File.ReadAllText(Path.Combine(LayerTests.RepositoryRoot(), "docs", "integration-events.md"));

        IntegrationEventTypes.All.Should().OnlyHaveUniqueItems();
        IntegrationEventTypes.All.Where(type => !documented.Contains($"`{type}`")).Should().BeEmpty("docs/integration-events.md documents each payload");
        documented.Should().Contain($"Contract edition {IntegrationEventTypes.ContractVersion}");
    }

    [Fact]
    public void Every_published_type_names_its_payload_record_so_the_OpenAPI_document_can_type_the_feed()
    {
        IntegrationEventPayloads.V1.Keys.Should().BeEquivalentTo(IntegrationEventTypes.All);
        IntegrationEventPayloads.V1.Values.Should().OnlyHaveUniqueItems().And.OnlyContain(t => t.Name.EndsWith("V1", StringComparison.Ordinal));
    }
}
