using System.Net;
using Kinerja.Infrastructure.Common;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies named in <c>Kinerja:ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>:KnownNetworks</c> (CIDR), loopback always: anyone else could forge them to escape the rate
/// limiter, which counts per client address.
/// </summary>
public sealed class ProxyHeaders
{
    public const string Section = "Kinerja:ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ProxyHeaders>(configuration, Section, p =>
        [
            .. p.KnownProxies.Where(a => !IPAddress.TryParse(a, out _)).Select(a => $"KnownProxies holds '{a}'; it takes IP addresses, e.g. 10.0.0.5."),
            .. p.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"KnownNetworks holds '{n}'; it takes CIDR networks, e.g. 10.0.0.0/24."),
        ]);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyHeaders>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
