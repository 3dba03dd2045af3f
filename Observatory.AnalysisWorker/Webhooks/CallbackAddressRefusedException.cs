using Observatory.Contracts.Webhooks;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>The callback host resolved only to addresses webhooks may not be sent to.</summary>
public sealed class CallbackAddressRefusedException(string host, AddressScope scope)
    : Exception($"Refused to connect: {host} resolves to {CallbackAddresses.Describe(scope)}, and private networks are not allowed (Observatory:Webhooks:AllowPrivateNetworks).")
{
    public string Host { get; } = host;
    public AddressScope Scope { get; } = scope;
}
