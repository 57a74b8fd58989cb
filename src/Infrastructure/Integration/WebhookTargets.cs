using System.Net;
using System.Net.Sockets;
using Kinerja.Application.Integration.Webhooks;
using Microsoft.Extensions.Options;

namespace Kinerja.Infrastructure.Integration;

/// <summary>
/// Webhooks go only over https to public addresses unless configured otherwise (development: a portal on the same machine). The rule is
/// applied twice: when a URL is registered, and on every connection a delivery opens, to the address actually connected to, so a host
/// that resolves to a public address at registration and to an internal one later (DNS rebinding) is still refused.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options) : IWebhookTargets
{
    public async ValueTask<string?> Refusal(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (SchemeRefusal(uri) is { } scheme)
        {
            return scheme;
        }

        try
        {
            return AddressRefusal(await Resolve(uri.IdnHost, ct));
        }
        catch (SocketException)
        {
            // A host that does not resolve yet cannot be a proxy yet; each delivery checks what it resolves to then.
            return null;
        }
    }

    /// <summary>The delivery client's connection step: resolves, refuses non-public addresses, and connects only to an address it checked.</summary>
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (context.InitialRequestMessage.RequestUri is { } uri && SchemeRefusal(uri) is { } scheme)
        {
            throw new HttpRequestException($"The webhook URL is refused: it {scheme}.");
        }

        var addresses = await Resolve(context.DnsEndPoint.Host, ct);
        if (AddressRefusal(addresses) is { } refusal)
        {
            throw new HttpRequestException($"The webhook URL is refused: it {refusal}.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private string? SchemeRefusal(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttp) ? null : "must use https";

    private string? AddressRefusal(IPAddress[] addresses) =>
        options.Value.AllowPrivateAddresses || addresses.All(PublicAddresses.IsPublic)
            ? null
            : $"must name a public address, not {addresses.First(a => !PublicAddresses.IsPublic(a))} (loopback, private, link-local and reserved ranges are refused)";

    private static async Task<IPAddress[]> Resolve(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>Which addresses are reachable on the public internet: everything but the special-purpose ranges of RFC 6890 and its successors.</summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] Special =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(Parse),
    ];

    public static bool IsPublic(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !Special.Any(s => s.Network.AddressFamily == a.AddressFamily && InNetwork(a, s.Network, s.Prefix));
    }

    private static (IPAddress, int) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        return (IPAddress.Parse(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
