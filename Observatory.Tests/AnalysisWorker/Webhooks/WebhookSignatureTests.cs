using Observatory.AnalysisWorker.Webhooks;
using Observatory.Identity;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>CONTRACT §5 signatures are Standard Webhooks signatures.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_matches_the_published_standard_webhooks_example()
    {
        // The example from the Standard Webhooks specification.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void The_signature_is_what_a_receiver_computes_from_a_generated_secret()
    {
        var secret = WebhookSecrets.Generate();
        const string body = """{"id":"evt_1","type":"analysis.completed","data":{"title":"Grüße — ünïcödé"}}""";

        var signature = WebhookSignature.Sign(secret, "evt_1", 1_750_000_000, body);

        Assert.Equal(WebhookTestKit.ExpectedSignature(secret, "evt_1", "1750000000", body), signature);
    }

    [Fact]
    public void Any_change_to_id_timestamp_or_body_changes_the_signature()
    {
        var secret = WebhookSecrets.Generate();
        var original = WebhookSignature.Sign(secret, "evt_1", 100, "{}");

        Assert.NotEqual(original, WebhookSignature.Sign(secret, "evt_2", 100, "{}"));
        Assert.NotEqual(original, WebhookSignature.Sign(secret, "evt_1", 101, "{}"));
        Assert.NotEqual(original, WebhookSignature.Sign(secret, "evt_1", 100, "{ }"));
        Assert.NotEqual(original, WebhookSignature.Sign(WebhookSecrets.Generate(), "evt_1", 100, "{}"));
    }
}
