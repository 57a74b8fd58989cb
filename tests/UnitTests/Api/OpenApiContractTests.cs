using FluentValidation;
using Kinerja.Api.Http.OpenApi;
using Kinerja.Application.Common;

namespace Kinerja.UnitTests.Api;

public sealed class OpenApiContractTests
{
    [Theory]
    [InlineData("^[A-Za-z0-9][A-Za-z0-9-]{1,31}$", 32)]
    [InlineData("^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$", 32)]
    [InlineData(@"^\d{18}$", 18)]
    [InlineData(@"^[A-Z]{2}-\d{4}$", 7)]
    [InlineData("^[a-z]+$", null)]
    [InlineData("^[a-z]{2,}$", null)]
    [InlineData("[a-z]{2}", null)]
    [InlineData("^(a|b)$", null)]
    public void An_anchored_pattern_with_bounded_repeats_gives_the_longest_value_it_accepts(string pattern, int? expected) =>
        PatternLimit.MaxLength(pattern).Should().Be(expected);

    [Theory]
    [InlineData("POST", "/api/v1/employees/{nip}/transfers", "postEmployeesTransfers")]
    [InlineData("GET", "/api/v1/cycles/{cycleId}/appraisals/{nip}", "getCyclesAppraisalsByNip")]
    [InlineData("GET", "/api/v1/audit/late-entries", "getAuditLateEntries")]
    [InlineData("DELETE", "/api/v1/webhook-subscriptions/{id:guid}", "deleteWebhookSubscriptionsById")]
    public void An_operation_is_named_after_its_method_and_route(string method, string path, string expected) =>
        ContractOperations.OperationId(method, path).Should().Be(expected);

    [Theory]
    [InlineData("Register an ASN (PNS or PPPK). The NIP is validated and must be unique.", "Register an ASN")]
    [InlineData("Employees ordered by NIP, paged by cursor; filter by unit.", "Employees ordered by NIP")]
    [InlineData("Record a Plt/Plh acting for this official from one date to another without stopping anywhere", "Record a Plt/Plh acting for this official from…")]
    public void A_summary_is_the_first_clause_of_the_description_cut_to_a_short_name(string sentence, string expected) =>
        ContractOperations.Short(sentence).Should().Be(expected);

    private sealed record Listing(IReadOnlyList<string>? Codes);

    private sealed class ListingValidator : AbstractValidator<Listing>
    {
        public ListingValidator() => RuleFor(l => l.Codes).AtMostItems(3).WithMessage("at most 3 codes");
    }

    [Fact]
    public void A_list_limit_refuses_one_item_more_and_says_its_maximum()
    {
        var validator = new ListingValidator();
        validator.Validate(new Listing(["A", "B", "C"])).IsValid.Should().BeTrue();
        validator.Validate(new Listing(null)).IsValid.Should().BeTrue();
        validator.Validate(new Listing(["A", "B", "C", "D"])).Errors.Should().ContainSingle().Which.ErrorMessage.Should().Be("at most 3 codes");
        validator.CreateDescriptor().GetValidatorsForMember(nameof(Listing.Codes)).Select(v => v.Validator).OfType<IItemCountValidator>()
            .Should().ContainSingle().Which.Max.Should().Be(3);
    }
}
