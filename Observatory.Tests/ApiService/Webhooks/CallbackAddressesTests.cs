using System.Net;
using Observatory.Contracts.Webhooks;

namespace Observatory.Tests.ApiService.Webhooks;

/// <summary>The address classifier behind the SSRF guard (CONTRACT §5), used by the API and the worker alike.</summary>
public sealed class CallbackAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressScope.Loopback)]
    [InlineData("127.255.255.254", AddressScope.Loopback)]
    [InlineData("::1", AddressScope.Loopback)]
    [InlineData("10.0.0.1", AddressScope.Private)]
    [InlineData("10.255.255.255", AddressScope.Private)]
    [InlineData("172.16.0.1", AddressScope.Private)]
    [InlineData("172.31.255.255", AddressScope.Private)]
    [InlineData("192.168.1.1", AddressScope.Private)]
    [InlineData("169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("fe80::1", AddressScope.LinkLocal)]
    [InlineData("febf::1", AddressScope.LinkLocal)]
    [InlineData("fc00::1", AddressScope.UniqueLocal)]
    [InlineData("fd12:3456:789a::1", AddressScope.UniqueLocal)]
    [InlineData("0.0.0.0", AddressScope.Unspecified)]
    [InlineData("0.1.2.3", AddressScope.Unspecified)]
    [InlineData("::", AddressScope.Unspecified)]
    [InlineData("224.0.0.1", AddressScope.Multicast)]
    [InlineData("239.255.255.250", AddressScope.Multicast)]
    [InlineData("ff02::1", AddressScope.Multicast)]
    [InlineData("100.64.0.1", AddressScope.SharedCarrierGradeNat)]
    [InlineData("100.127.255.254", AddressScope.SharedCarrierGradeNat)]
    [InlineData("::ffff:127.0.0.1", AddressScope.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressScope.Private)]
    [InlineData("::ffff:169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("64:ff9b::192.168.0.1", AddressScope.Private)]
    [InlineData("2002:c0a8:0101::1", AddressScope.Private)]
    [InlineData("::10.0.0.1", AddressScope.Reserved)]
    [InlineData("255.255.255.255", AddressScope.Reserved)]
    [InlineData("240.0.0.1", AddressScope.Reserved)]
    [InlineData("192.0.2.10", AddressScope.Reserved)]
    [InlineData("198.18.0.1", AddressScope.Reserved)]
    [InlineData("2001:db8::1", AddressScope.Reserved)]
    public void Non_public_addresses_are_recognised(string address, AddressScope expected)
    {
        Assert.Equal(expected, CallbackAddresses.Classify(IPAddress.Parse(address)));
        Assert.False(CallbackAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]   // just below 100.64.0.0/10
    [InlineData("100.128.0.0")]      // just above it
    [InlineData("172.15.255.255")]   // just below 172.16.0.0/12
    [InlineData("172.32.0.0")]       // just above it
    [InlineData("192.169.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_public(string address)
    {
        Assert.Equal(AddressScope.Public, CallbackAddresses.Classify(IPAddress.Parse(address)));
    }
}
