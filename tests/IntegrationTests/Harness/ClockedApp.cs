using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>
/// The service with a clock the tests control: periods and feedback windows are WIT dates, so tests
/// must not depend on the day they run. Time only moves forward; tests compute dates from <see cref="Today"/>.
/// </summary>
public class ClockedApp : KinerjaApp
{
    public static readonly DateTimeOffset Start = new(2026, 9, 15, 10, 0, 0, TimeSpan.FromHours(9));

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
}
