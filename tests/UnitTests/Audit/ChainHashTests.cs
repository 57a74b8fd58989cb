using Kinerja.Infrastructure.Audit;

namespace Kinerja.UnitTests.Audit;

public sealed class ChainHashTests
{
    // The expected texts are what the first canonical form (a sorted JsonNode tree) wrote for these inputs: every stored link was sealed
    // over that form, so a faster one must write the same text or old chains stop verifying.
    [Theory]
    [InlineData(@"{""b"": 1, ""a"": {""z"": [3, 2.50, 1e3, -0.0], ""y"": null}, ""A"": true, ""_"": false}", @"{""A"":true,""_"":false,""a"":{""y"":null,""z"":[3,2.50,1e3,-0.0]},""b"":1}")]
    [InlineData(@"{""nama"": ""Dr. Ir. Sitti Nur'aini, M.Si."", ""kota"": ""Ambon \u00e9 \u4e2d <b>&amp;</b> \""kutip\"" \\ / \n\t"", ""emoji"": ""\ud83d\ude00""}", @"{""emoji"":""\uD83D\uDE00"",""kota"":""Ambon é 中 <b>&amp;</b> \""kutip\"" \\ / \n\t"",""nama"":""Dr. Ir. Sitti Nur'aini, M.Si.""}")]
    [InlineData(@"[{""b"": [], ""a"": {}}, ""x"", 12345678901234567890, [null, [true]]]", @"[{""a"":{},""b"":[]},""x"",12345678901234567890,[null,[true]]]")]
    [InlineData(@"null", @"null")]
    [InlineData(@"""just a string with \u0001 control""", @"""just a string with \u0001 control""")]
    [InlineData(@"{""ÄB"": 1, ""AB"": 2, ""ab"": 3, ""a b"": 4, ""a\""b"": 5}", @"{""AB"":2,""a b"":4,""a\""b"":5,""ab"":3,""ÄB"":1}")]
    public void Canonical_json_sorts_keys_and_keeps_values_as_links_were_sealed(string json, string canonical) =>
        ChainHash.Canonicalise(json).Should().Be(canonical);

    [Fact]
    public void A_link_over_the_same_event_with_its_keys_in_another_order_hashes_alike()
    {
        var first = new ChainHash.Content(Guid.Empty, 1, "employee_registered", @"{""nip"":""1"",""unit"":{""code"":""DISDIK"",""name"":""Dinas""}}",
            "budi", "c-1", "import/x/2", "hr-admin", null, "import");
        var second = first with { DataJson = @"{ ""unit"": { ""name"": ""Dinas"", ""code"": ""DISDIK"" }, ""nip"": ""1"" }" };

        ChainHash.Compute(ChainHash.Genesis, second).Should().Be(ChainHash.Compute(ChainHash.Genesis, first));
        ChainHash.Compute(ChainHash.Genesis, first with { DataJson = @"{""nip"":""2"",""unit"":{""code"":""DISDIK"",""name"":""Dinas""}}" })
            .Should().NotBe(ChainHash.Compute(ChainHash.Genesis, first));
    }
}
