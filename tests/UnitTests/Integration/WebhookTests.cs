using Kinerja.Application.Integration.Webhooks.RegisteringSubscription;
using Kinerja.Infrastructure.Integration;

namespace Kinerja.UnitTests.Integration;

public class WebhookTests
{
    private static readonly RegisterWebhookSubscription Valid =
        new("https://hr-portal.example/hooks/kinerja", ["employee.registered"], "portal-shared-secret-0123456789", null);

    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_body_in_lower_case_hex() =>
        // Reference value computed outside .NET (Python's hmac module), so the contract cannot drift with the code.
        WebhookHeaders.Sign("portal-shared-secret-0123456789", "1767225600", """{"position":42}"""u8)
            .Should().Be("sha256=48fb54f193495012eb573c55a05d8b297a3d913735f10d953ecc65170c158b42");

    [Fact]
    public void The_standard_webhooks_signature_matches_the_specs_own_example() =>
        // The example in the Standard Webhooks specification: a whsec_ secret is keyed with its base64-decoded bytes.
        StandardWebhookHeaders.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", """{"test": 2432232314}"""u8)
            .Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

    [Fact]
    public void A_plain_secret_signs_standard_webhooks_with_its_utf8_bytes_and_the_verifier_gets_them_as_whsec()
    {
        // Reference value computed outside .NET (Python's hmac and base64 modules).
        StandardWebhookHeaders.Sign("portal-shared-secret-0123456789", "7f1c1a0e-0000-4000-8000-000000000042", "1767225600", """{"position":42}"""u8)
            .Should().Be("v1,bPTCx/y46Rd8wJy5UKoNCzXbToVQr7AUEUN2atB0kvc=");
        StandardWebhookHeaders.VerifierSecret("portal-shared-secret-0123456789").Should().Be("whsec_cG9ydGFsLXNoYXJlZC1zZWNyZXQtMDEyMzQ1Njc4OQ==");
        StandardWebhookHeaders.VerifierSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Should().Be("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks", true)]
    [InlineData("https://hr-portal.example/hooks/kinerja", true)]
    [InlineData("ftp://hr-portal.example/hooks", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("hr-portal.example/hooks", false)]
    [InlineData("https://user:secret@hr-portal.example/hooks", false)]
    public void Only_absolute_http_and_https_urls_without_user_info_are_accepted(string url, bool accepted) =>
        new RegisterWebhookSubscriptionValidator().Validate(Valid with { Url = url }).IsValid.Should().Be(accepted);

    [Fact]
    public void A_subscription_needs_a_secret_of_at_least_16_characters_and_known_distinct_event_types()
    {
        var validator = new RegisterWebhookSubscriptionValidator();

        validator.Validate(Valid).IsValid.Should().BeTrue();
        validator.Validate(Valid with { Secret = "" }).IsValid.Should().BeFalse();
        validator.Validate(Valid with { Secret = new string('x', 15) }).IsValid.Should().BeFalse();
        validator.Validate(Valid with { EventTypes = [] }).IsValid.Should().BeFalse();
        validator.Validate(Valid with { EventTypes = ["employee.registered", "employee.registered"] }).IsValid.Should().BeFalse();
        validator.Validate(Valid with { EventTypes = ["award.granted", "skp.plan-agreed"] }).IsValid.Should().BeTrue("reserved types may be subscribed before they are produced");
    }

    [Fact]
    public void The_back_off_follows_the_configured_delays_and_then_repeats_the_last()
    {
        var options = new WebhookOptions { RetryDelays = "00:00:01, 00:00:05,00:00:30" };

        Enumerable.Range(1, 5).Select(options.DelayAfter).Should().Equal(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }
}
