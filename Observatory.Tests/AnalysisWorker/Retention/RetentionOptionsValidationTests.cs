using Microsoft.Extensions.Configuration;
using Observatory.AnalysisWorker.Retention;
using Observatory.Data.Retention;

namespace Observatory.Tests.AnalysisWorker.Retention;

/// <summary>CONTRACT §7: the three retention settings take .NET TimeSpan strings and must be positive.</summary>
public sealed class RetentionOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_30_days_90_days_and_hourly_sweeps_and_are_valid()
    {
        var options = new RetentionOptions();

        Assert.Equal((TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromHours(1)), (options.Results, options.Metadata, options.SweepInterval));
        Assert.True(new RetentionOptionsValidation().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Second_scale_settings_bind_from_TimeSpan_strings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observatory:Retention:Results"] = "00:00:02",
            ["Observatory:Retention:Metadata"] = "00:00:05",
            ["Observatory:Retention:SweepInterval"] = "00:00:01",
        }).Build();

        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>()!;

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)), (options.Results, options.Metadata, options.SweepInterval));
        Assert.True(new RetentionOptionsValidation().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00", "90.00:00:00", "01:00:00", "Results")]
    [InlineData("30.00:00:00", "-00:00:01", "01:00:00", "Metadata")]
    [InlineData("30.00:00:00", "90.00:00:00", "00:00:00", "SweepInterval")]
    [InlineData("30.00:00:00", "90.00:00:00", "60.00:00:00", "SweepInterval")]
    public void Settings_that_are_not_positive_or_too_long_for_a_timer_are_refused_naming_the_setting(string results, string metadata, string interval, string setting)
    {
        var options = new RetentionOptions { Results = TimeSpan.Parse(results, System.Globalization.CultureInfo.InvariantCulture),
            Metadata = TimeSpan.Parse(metadata, System.Globalization.CultureInfo.InvariantCulture),
            SweepInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        var outcome = new RetentionOptionsValidation().Validate(null, options);

        Assert.True(outcome.Failed);
        var failure = Assert.Single(outcome.Failures!);
        Assert.Contains($"Observatory:Retention:{setting}", failure);
    }
}
