using Microsoft.Extensions.Options;
using Observatory.AnalysisWorker.Webhooks;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>CONTRACT §5 schedule: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h after the first attempt, each ±20 %, then dead.</summary>
public sealed class WebhookRetryScheduleTests
{
    private static readonly TimeSpan[] ContractDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    [Fact]
    public void The_default_schedule_is_the_contracts()
    {
        var schedule = WebhookRetrySchedule.From(new WebhookOptions());

        Assert.Equal(ContractDelays, schedule.Delays);
        Assert.Equal(7, schedule.MaxAttempts);
    }

    [Theory]
    [InlineData(0.0, 0.8)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.999999, 1.2)]
    public void Jitter_stays_within_twenty_percent_either_way(double random, double factor)
    {
        var schedule = new WebhookRetrySchedule(ContractDelays, () => random);

        for (var attempt = 1; attempt <= ContractDelays.Length; attempt++)
        {
            var expected = ContractDelays[attempt - 1].TotalMilliseconds * factor;
            Assert.InRange(schedule.DelayAfter(attempt)!.Value.TotalMilliseconds, expected * 0.9999, expected * 1.0001);
        }
    }

    [Fact]
    public void Jittered_delays_from_the_real_random_source_stay_in_bounds_and_vary()
    {
        var schedule = new WebhookRetrySchedule(ContractDelays);
        var seen = Enumerable.Range(0, 500).Select(_ => schedule.DelayAfter(1)!.Value).ToList();

        Assert.All(seen, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)));
        Assert.True(seen.Distinct().Count() > 100, "jitter should spread the delays");
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_delay_the_delivery_is_dead()
    {
        var schedule = new WebhookRetrySchedule(ContractDelays);

        Assert.NotNull(schedule.DelayAfter(6));
        Assert.Null(schedule.DelayAfter(7));
        Assert.Null(schedule.DelayAfter(0));
    }

    [Theory]
    [InlineData("5s,30s,2m,10m,30m,1h")]
    [InlineData("00:00:05, 00:00:30, 00:02:00, 00:10:00, 00:30:00, 01:00:00")]
    [InlineData("5000ms;30s;120s;10m;0.5h;1h")]
    public void Delays_parse_from_timespans_or_short_forms(string text)
    {
        Assert.True(WebhookRetrySchedule.TryParse(text, out var delays, out var error), error);
        Assert.Equal(ContractDelays, delays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5s,soon")]
    [InlineData("0s")]
    [InlineData("-00:00:05")]
    [InlineData("30d")]
    public void Unusable_delays_fail_start_up_validation(string text)
    {
        var result = new WebhookOptionsValidator().Validate(Options.DefaultName, new WebhookOptions { RetryDelays = text });

        Assert.True(result.Failed);
        Assert.Contains("Observatory:Webhooks:RetryDelays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_shorter_than_the_timeout_fails_start_up_validation()
    {
        var result = new WebhookOptionsValidator().Validate(Options.DefaultName, new WebhookOptions { Timeout = TimeSpan.FromSeconds(10), ClaimDuration = TimeSpan.FromSeconds(5) });

        Assert.True(result.Failed);
        Assert.Contains("ClaimDuration", result.FailureMessage, StringComparison.Ordinal);
    }
}
