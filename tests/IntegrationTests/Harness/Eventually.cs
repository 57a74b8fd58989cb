namespace Kinerja.IntegrationTests.Harness;

/// <summary>Awaits a condition of asynchronous work (the feed, webhook deliveries) with a deadline instead of a fixed sleep.</summary>
public static class Eventually
{
    public static async Task Holds(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds:0.#} s: {because()}");
            }

            await Task.Delay(50);
        }
    }

    public static Task Holds(Func<bool> condition, TimeSpan timeout, Func<string> because) =>
        Holds(() => Task.FromResult(condition()), timeout, because);
}
