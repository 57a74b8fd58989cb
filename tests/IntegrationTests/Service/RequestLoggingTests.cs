using Kinerja.Api.Http;

namespace Kinerja.IntegrationTests.Service;

public sealed class RequestLoggingTests
{
    [Theory]
    [InlineData("/api/v1/employees/198609262015051001/transfers", "/api/v1/employees/{nip}/transfers")]
    [InlineData("/api/v1/cycles/3f2b/appraisals/199001012022211002?on=2026-09-15", "/api/v1/cycles/3f2b/appraisals/{nip}?on=2026-09-15")]
    [InlineData("/api/v1/employees?unit=DISDIK&cursor=198609262015051001", "/api/v1/employees?unit=DISDIK&cursor={nip}")]
    [InlineData("/api/v1/training-grants/12345678901234567890", "/api/v1/training-grants/12345678901234567890")]
    public void The_request_line_in_the_logs_carries_no_NIP(string path, string logged) =>
        RequestLogging.Masked(path).Should().Be(logged);
}
