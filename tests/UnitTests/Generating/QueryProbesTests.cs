using System.Net;
using Kinerja.Tools.Benchmarking;

namespace Kinerja.UnitTests.Generating;

/// <summary>The scale probes' loop (docs/decisions/177): every round one request to each service, the side that goes first turning.</summary>
public class QueryProbesTests
{
    /// <summary>Answers every request at once and writes down which service it went to.</summary>
    private sealed class Recording(string side, List<string> order) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            order.Add($"{side} {request.RequestUri!.PathAndQuery}");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") });
        }
    }

    [Fact]
    public async Task The_alternated_loop_sends_one_request_to_each_service_a_round_turning_which_goes_first_and_times_each_apart()
    {
        var order = new List<string>();
        using var city = new HttpClient(new Recording("city", order)) { BaseAddress = new Uri("http://city.test") };
        using var province = new HttpClient(new Recording("province", order)) { BaseAddress = new Uri("http://province.test") };

        var results = await QueryProbes.MeasureAlternated("ranking", [(city, "/c"), (province, "/p")], 4, CancellationToken.None);

        // The untimed first requests (as many as the timed ones here, up to 20), each round city first; then the timed rounds, turning.
        order.Should().Equal(
            "city /c", "province /p", "city /c", "province /p", "city /c", "province /p", "city /c", "province /p",
            "city /c", "province /p", "province /p", "city /c", "city /c", "province /p", "province /p", "city /c");
        results.Select(r => (r.Name, r.Path, r.Iterations)).Should().Equal(("ranking", "/c", 4), ("ranking", "/p", 4));
        results.Should().OnlyContain(r => r.P50Ms <= r.P99Ms && r.P99Ms <= r.MaxMs && r.Slowest!.Count == 1);
    }
}
