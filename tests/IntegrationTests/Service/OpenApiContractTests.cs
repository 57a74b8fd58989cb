using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Application.Common;
using Kinerja.Application.Integration;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// The document a portal generates its client from describes every operation completely, by the endpoint convention rather than
/// by hand (docs/decisions/107); Spectral and the TypeScript sample check it from outside (scripts/contract.sh).
/// </summary>
public sealed class OpenApiContractTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private async Task<JsonObject> Document() => JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();

    private static IEnumerable<(string Route, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => ($"{m.Key.ToUpperInvariant()} {p.Key}", m.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_short_summary_its_roles_a_typed_success_and_every_problem_it_can_answer()
    {
        var document = await Document();
        var operations = Operations(document).ToList();
        operations.Should().HaveCountGreaterThan(90);
        operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Should().OnlyHaveUniqueItems().And.NotContainNulls();

        var findings = new List<string>();
        foreach (var (route, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            if (operation["summary"]?.GetValue<string>() is not { Length: > 0 and <= 49 })
            {
                findings.Add($"{route}: summary '{operation["summary"]}' is not a short name");
            }

            if (operation["x-roles"]?.AsArray() is not { Count: > 0 } roles || !operation["description"]!.GetValue<string>().Contains("**Roles:**", StringComparison.Ordinal))
            {
                findings.Add($"{route}: no roles");
            }

            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(s => s.Key != "204" && s.Value!["content"] is null))
            {
                findings.Add($"{route}: no typed success");
            }

            foreach (var status in new[] { "401", "403", "429", "500", "503" }.Where(s => responses[s] is null))
            {
                findings.Add($"{route}: no {status}");
            }

            foreach (var problem in responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                if (problem.Value!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                {
                    findings.Add($"{route}: {problem.Key} is not a Problem");
                }
            }
        }

        findings.Should().BeEmpty();
        var problemSchema = document["components"]!["schemas"]!["Problem"]!;
        problemSchema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(["code", "correlationId"]);
        problemSchema["properties"]!["errors"].Should().NotBeNull();
        var tooMany = document["paths"]!["/api/v1/employees"]!["get"]!["responses"]!["429"]!;
        tooMany["headers"]!["Retry-After"].Should().NotBeNull();
        document["paths"]!["/api/v1/employees"]!["get"]!["responses"]!["200"]!["headers"]!["RateLimit-Limit"].Should().NotBeNull();
    }

    [Fact]
    public async Task Integers_are_integers_enums_are_strings_and_the_validators_limits_are_in_the_schemas()
    {
        var document = await Document();
        var text = document.ToJsonString();
        text.Should().NotContain("\"pattern\":\"^-?(?:0|[1-9]\\\\d*)$\"", "integers are not also strings");
        var schemas = document["components"]!["schemas"]!;
        schemas["ActingKind"]!["type"]!.GetValue<string>().Should().Be("string", "so a nullable enum's null matches one branch only");

        var unit = schemas["RegisterUnit"]!["properties"]!;
        unit["code"]!["maxLength"]!.GetValue<int>().Should().Be(32, "UnitRules.UnitCode allows 2-32 characters");
        unit["code"]!["pattern"].Should().NotBeNull();
        schemas["DraftPlanRequest"]!["properties"]!["rows"]!["maxItems"]!.GetValue<int>().Should().Be(Kinerja.Domain.Appraisals.Plan.MaxRows);
        schemas["PositionInput"]!["properties"]!["title"]!["maxLength"]!.GetValue<int>().Should().Be(Kinerja.Application.Employees.EmployeeRules.MaxNameLength);
    }

    [Fact]
    public async Task A_rule_for_each_item_limits_the_items_and_the_scores_say_their_names_and_range()
    {
        var feedback = (await Document())["components"]!["schemas"]!["PublicFeedbackRequest"]!["properties"]!;
        var names = feedback["personalNames"]!;
        names["maxItems"]!.GetValue<int>().Should().Be(20);
        names["minItems"].Should().BeNull("an empty list passes a rule that each name be non-empty");
        names["maxLength"].Should().BeNull("a length limits the names, not the list");
        names["items"]!["maxLength"]!.GetValue<int>().Should().Be(100);
        names["items"]!["minLength"]!.GetValue<int>().Should().Be(1);

        var scores = feedback["scores"]!;
        scores["additionalProperties"]!["minimum"]!.GetValue<int>().Should().Be(Kinerja.Domain.Appraisals.Feedback.MinScore);
        scores["additionalProperties"]!["maximum"]!.GetValue<int>().Should().Be(Kinerja.Domain.Appraisals.Feedback.MaxScore);
        scores["additionalProperties"]!["maxLength"].Should().BeNull("a number has no length");
        scores["propertyNames"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>())
            .Should().BeEquivalentTo(Enum.GetNames<Kinerja.Domain.Appraisals.BerAkhlak>());
    }

    [Fact]
    public async Task The_feed_items_are_a_union_keyed_by_type_with_each_payload_typed()
    {
        var document = await Document();
        var item = document["components"]!["schemas"]!["FeedItem"]!;
        item["discriminator"]!["propertyName"]!.GetValue<string>().Should().Be("type");
        var variants = item["oneOf"]!.AsArray();
        variants.Select(v => v!["properties"]!["type"]!["const"]!.GetValue<string>()).Should().BeEquivalentTo(IntegrationEventTypes.All);
        variants.Should().OnlyContain(v => v!["properties"]!["payload"]!["$ref"] != null);
        variants.First()!["properties"]!["position"]!["type"]!.GetValue<string>().Should().Be("integer");
    }

    [Fact]
    public async Task A_CSV_read_declares_its_JSON_body_and_CSV_beside_it()
    {
        var document = await Document();
        var content = document["paths"]!["/api/v1/cycles/{id}/ranking"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        content.Select(c => c.Key).Should().BeEquivalentTo(["application/json", "text/csv"]);
        var json = content["application/json"]!["schema"]!;
        (json["$ref"] ?? json["properties"]?["items"]).Should().NotBeNull("the JSON answer is typed, not a bare string");
    }

    [Fact]
    public async Task Every_API_answer_says_the_rate_limit_and_the_reference_page_is_Kinerja_without_vendor_buttons()
    {
        var answer = await app.As(Roles.Auditor).GetAsync("/api/v1/units");
        answer.Headers.GetValues("RateLimit-Limit").Single().Should().Be("20000", "the tests allow 10,000 a second, a burst of twice that");
        answer.Headers.GetValues("RateLimit-Reset").Single().Should().Be("1");
        var refused = await app.Anonymous().GetAsync("/api/v1/units");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.Contains("RateLimit-Limit").Should().BeTrue();

        var page = await app.Anonymous().GetStringAsync("/reference");
        page.Should().Contain("<title>Kinerja</title>");
        page.Should().MatchRegex("\"agent\"\\s*:\\s*\\{\\s*\"disabled\"\\s*:\\s*true");
        page.Should().MatchRegex("\"hideClientButton\"\\s*:\\s*true");
    }

    [Fact]
    public async Task The_response_check_refuses_an_answer_the_document_does_not_describe()
    {
        await app.Anonymous().GetAsync("/health/live");
        var contract = await OpenApiContract.Of(app.ClientOptions.BaseAddress);
        contract.Check("GET", "/api/v1/units/DISDIK", 200, "application/json", "{\"code\":5}").Should().NotBeEmpty("a number is not a unit code");
        contract.Check("GET", "/api/v1/units/DISDIK", 418, "application/problem+json", "{}").Should().ContainSingle().Which.Should().Contain("418");
        contract.Check("GET", "/api/v1/units", 200, "text/plain", "hello").Should().ContainSingle().Which.Should().Contain("text/plain");
        contract.Check("GET", "/api/v1/units/DISDIK", 404, "application/problem+json", "{\"status\":404}").Should().NotBeEmpty("code and correlationId are required");
    }
}
