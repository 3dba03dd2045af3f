namespace Observatory.Contracts.Webhooks;

/// <summary>Where an IP address leads, as far as sending a webhook there is concerned. Everything but
/// <see cref="Public"/> is refused unless private networks are allowed (CONTRACT §5).</summary>
public enum AddressScope
{
    Public,
    Unspecified,
    Loopback,
    Private,
    SharedCarrierGradeNat,
    LinkLocal,
    UniqueLocal,
    Multicast,
    Reserved,
}
