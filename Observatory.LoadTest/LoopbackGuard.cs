using System.Net;
using System.Net.Sockets;

namespace Observatory.LoadTest;

/// <summary>
/// This tool only ever loads the local machine: the network rules here forbid generating load against any other
/// address. The host named in --url must be localhost or a loopback literal, and every connection the HTTP client
/// opens is checked again at connect time (so a DNS trick or a proxy setting cannot redirect the load).
/// </summary>
public static class LoopbackGuard
{
    /// <exception cref="FormatException">The host is not loopback.</exception>
    public static void EnsureLoopbackHost(Uri uri)
    {
        string host = uri.IdnHost.Trim('[', ']');
        bool loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new FormatException($"Refusing to load '{uri.Host}': only localhost / 127.0.0.1 / ::1 targets are allowed.");
        }
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to loopback addresses.</summary>
    public static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        DnsEndPoint endPoint = context.DnsEndPoint;
        IPAddress[] addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        IPAddress[] loopback = addresses.Where(IPAddress.IsLoopback).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"Refusing to connect to {endPoint.Host}: it does not resolve to a loopback address.");
        }

        Exception? last = null;
        foreach (IPAddress address in loopback)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"Could not connect to {endPoint.Host}:{endPoint.Port}.", last);
    }
}
