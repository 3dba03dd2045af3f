namespace Observatory.Data.Webhooks;

/// <summary>The secret a principal's webhook deliveries are signed with (CONTRACT §5). Keyed by principal so API
/// keys and partner JWT subjects alike can rotate it. It must be usable for signing, so it is kept as issued
/// (unlike API keys, which are stored only as hashes).</summary>
public sealed class WebhookSecretRecord
{
    public string Principal { get; set; } = "";
    public string Secret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
