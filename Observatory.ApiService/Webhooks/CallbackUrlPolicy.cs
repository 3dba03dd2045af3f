using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Observatory.ApiService.Problems;
using Observatory.Contracts.Webhooks;

namespace Observatory.ApiService.Webhooks;

/// <summary>
/// Decides whether a <c>callback_url</c> may be accepted (CONTRACT §5 SSRF guard): https only, and a host that
/// resolves to public addresses only — no loopback, private, link-local, unique-local, unspecified, multicast,
/// carrier-grade NAT or IPv4-embedding forms of those — unless <c>Observatory:Webhooks:AllowPrivateNetworks</c> is
/// true, which also admits plain http (local receivers). The worker checks the address again when it connects.
/// Call it after the syntax check, with the JSON path to report: <c>options.callback_url</c> for one analysis,
/// <c>callback_url</c> for a batch.
/// </summary>
public sealed class CallbackUrlPolicy(IOptions<CallbackUrlOptions> options)
{
    /// <summary>True when <paramref name="url"/> is acceptable; otherwise adds the reason at <paramref name="path"/>.</summary>
    public async Task<bool> CheckAsync(Uri url, string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var allowPrivate = options.Value.AllowPrivateNetworks;
        if (url.Scheme != Uri.UriSchemeHttps && !(allowPrivate && url.Scheme == Uri.UriSchemeHttp))
        {
            errors.Add(path, "callback_url must be an https:// URL.");
            return false;
        }
        if (allowPrivate) return true;

        var host = url.IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal)) addresses = [literal];
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.ResolveTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                addresses = [];
            }
            if (addresses.Length == 0)
            {
                errors.Add(path, $"The callback host '{host}' does not resolve to any address.");
                return false;
            }
        }

        foreach (var address in addresses)
        {
            var scope = CallbackAddresses.Classify(address);
            if (scope == AddressScope.Public) continue;
            errors.Add(path, $"callback_url's host resolves to {CallbackAddresses.Describe(scope)}; webhooks are only sent to public addresses.");
            return false;
        }
        return true;
    }
}
