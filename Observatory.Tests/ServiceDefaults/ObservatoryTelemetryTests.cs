using Observatory.ServiceDefaults;

namespace Observatory.Tests.ServiceDefaults;

public sealed class ObservatoryTelemetryTests
{
    [Theory]
    [InlineData("Gateway", "Observatory.Gateway")]
    [InlineData("Analysis.Engine", "Observatory.Analysis.Engine")]
    [InlineData("Observatory.Worker", "Observatory.Worker")]
    public void Names_fall_under_the_collected_prefix(string component, string expected) =>
        Assert.Equal(expected, ObservatoryTelemetry.NameFor(component));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Observatory.")]
    [InlineData("Two words")]
    public void Unusable_component_names_are_rejected(string component) =>
        Assert.ThrowsAny<ArgumentException>(() => ObservatoryTelemetry.NameFor(component));
}
