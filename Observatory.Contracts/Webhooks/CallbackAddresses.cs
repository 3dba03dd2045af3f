using System.Net;
using System.Net.Sockets;

namespace Observatory.Contracts.Webhooks;

/// <summary>
/// Classifies the addresses a callback host resolves to (CONTRACT §5 SSRF guard). Shared by the ApiService, which
/// refuses such a <c>callback_url</c> at submission, and the worker, which checks again at connect time so a name
/// re-pointed at an internal address after submission (DNS rebinding) still reaches nothing internal.
/// IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the embedded address.
/// </summary>
public static class CallbackAddresses
{
    public static bool IsPublic(IPAddress address) => Classify(address) == AddressScope.Public;

    public static AddressScope Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressScope.Reserved,
        };
    }

    /// <summary>A short phrase for error messages, e.g. "a loopback address".</summary>
    public static string Describe(AddressScope scope) => scope switch
    {
        AddressScope.Public => "a public address",
        AddressScope.Unspecified => "an unspecified address",
        AddressScope.Loopback => "a loopback address",
        AddressScope.Private => "a private-network address",
        AddressScope.SharedCarrierGradeNat => "a carrier-grade NAT address",
        AddressScope.LinkLocal => "a link-local address",
        AddressScope.UniqueLocal => "a unique-local address",
        AddressScope.Multicast => "a multicast address",
        _ => "a reserved address",
    };

    private static AddressScope ClassifyV4(ReadOnlySpan<byte> a) => (a[0], a[1], a[2]) switch
    {
        (0, _, _) => AddressScope.Unspecified,                          // 0.0.0.0/8 "this network"
        (10, _, _) => AddressScope.Private,                             // 10.0.0.0/8
        (100, >= 64 and <= 127, _) => AddressScope.SharedCarrierGradeNat, // 100.64.0.0/10
        (127, _, _) => AddressScope.Loopback,                           // 127.0.0.0/8
        (169, 254, _) => AddressScope.LinkLocal,                        // 169.254.0.0/16 (cloud metadata lives here)
        (172, >= 16 and <= 31, _) => AddressScope.Private,              // 172.16.0.0/12
        (192, 0, 0) => AddressScope.Reserved,                           // 192.0.0.0/24 IETF protocol assignments
        (192, 0, 2) => AddressScope.Reserved,                           // 192.0.2.0/24 documentation
        (192, 88, 99) => AddressScope.Reserved,                         // 192.88.99.0/24 6to4 relay anycast
        (192, 168, _) => AddressScope.Private,                          // 192.168.0.0/16
        (198, 18 or 19, _) => AddressScope.Reserved,                    // 198.18.0.0/15 benchmarking
        (198, 51, 100) => AddressScope.Reserved,                        // documentation
        (203, 0, 113) => AddressScope.Reserved,                         // documentation
        ( >= 224 and <= 239, _, _) => AddressScope.Multicast,           // 224.0.0.0/4
        ( >= 240, _, _) => AddressScope.Reserved,                       // 240.0.0.0/4 and the broadcast address
        _ => AddressScope.Public,
    };

    private static AddressScope ClassifyV6(byte[] a)
    {
        if (a.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            if (a.AsSpan(12, 3).IndexOfAnyExcept((byte)0) < 0 && a[15] <= 1)
                return a[15] == 0 ? AddressScope.Unspecified : AddressScope.Loopback; // ::, ::1
            return AddressScope.Reserved;                               // ::a.b.c.d, the deprecated IPv4-compatible form
        }
        if (a.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && a[10] == 0xff && a[11] == 0xff)
            return ClassifyV4(a.AsSpan(12));                            // ::ffff:a.b.c.d IPv4-mapped
        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b && a.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return ClassifyV4(a.AsSpan(12));                            // 64:ff9b::/96 NAT64
        if (a[0] == 0x20 && a[1] == 0x02)
            return ClassifyV4(a.AsSpan(2));                             // 2002::/16 6to4 embeds an IPv4 address
        if (a[0] == 0xff) return AddressScope.Multicast;                // ff00::/8
        if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressScope.LinkLocal;  // fe80::/10
        if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return AddressScope.UniqueLocal; // fec0::/10 deprecated site-local
        if ((a[0] & 0xfe) == 0xfc) return AddressScope.UniqueLocal;     // fc00::/7
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) return AddressScope.Reserved; // 2001:db8::/32 documentation
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x00 && a[3] == 0x00) return AddressScope.Reserved; // 2001::/32 Teredo tunnels
        if (a[0] == 0x01 && a[1] == 0x00 && a.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) return AddressScope.Reserved; // 100::/64 discard
        return (a[0] & 0xe0) == 0x20 ? AddressScope.Public : AddressScope.Reserved; // only 2000::/3 is global unicast
    }
}
