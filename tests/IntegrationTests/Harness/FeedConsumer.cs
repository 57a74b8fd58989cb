using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>A portal-like consumer of GET /api/v1/feed: it remembers only the last position it was given.</summary>
public sealed class FeedConsumer(HttpClient client, int limit = 100)
{
    public HttpClient Client { get; set; } = client;

    public long Position { get; private set; }

    public List<JsonObject> Items { get; } = [];

    /// <summary>Starts reading after <paramref name="position"/>, as a consumer that kept it would.</summary>
    public void StartAfter(long position) => Position = position;

    /// <summary>Reads one page after <see cref="Position"/>; returns how many entries it held.</summary>
    public async Task<int> Poll()
    {
        var response = await Client.GetAsync($"{Routes.Feed}?after={Position}&limit={limit}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.Json();
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Items.AddRange(items);
        Position = page["lastPosition"]!.GetValue<long>();
        return items.Count;
    }

    /// <summary>Reads until the feed holds <paramref name="predicate"/> for what was read so far.</summary>
    public Task ReadUntil(Func<IReadOnlyList<JsonObject>, bool> predicate, TimeSpan timeout) =>
        Eventually.Holds(async () =>
        {
            await Poll();
            return predicate(Items);
        }, timeout, () => $"the feed consumer has {Items.Count} entries up to position {Position}");

    public static long PositionOf(JsonObject item) => item["position"]!.GetValue<long>();

    public static string IdOf(JsonObject item) => item["id"]!.GetValue<string>();

    public static string TypeOf(JsonObject item) => item["type"]!.GetValue<string>();

    public static string? EmployeeOf(JsonObject item) => item["payload"]?["employeeId"]?.GetValue<string>();
}
