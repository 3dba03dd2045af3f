using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Observatory.Contracts.Webhooks;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself and connects only
/// to public addresses (unless private networks are allowed). The check happens on the very address the socket
/// connects to, so a host that passed the API's check and was re-pointed at an internal address since (DNS
/// rebinding) reaches nothing.
/// </summary>
public sealed class GuardedConnector(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (!options.Value.AllowPrivateNetworks)
        {
            var allowed = addresses.Where(CallbackAddresses.IsPublic).ToArray();
            if (allowed.Length == 0)
                throw new CallbackAddressRefusedException(host, addresses.Length == 0 ? AddressScope.Unspecified : CallbackAddresses.Classify(addresses[0]));
            addresses = allowed;
        }
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);

        for (var i = 0; ; i++)
        {
            var socket = new Socket(addresses[i].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(addresses[i], context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (i < addresses.Length - 1)
            {
                socket.Dispose(); // try the host's next address
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
