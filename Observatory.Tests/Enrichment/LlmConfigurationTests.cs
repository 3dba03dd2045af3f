using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Observatory.AnalysisWorker.Enrichment;

namespace Observatory.Tests.Enrichment;

public sealed class LlmConfigurationTests
{
    [Theory]
    [InlineData("Endpoint=http://localhost:11434;Model=qwen2.5:1.5b", "http://localhost:11434/v1", "qwen2.5:1.5b", null)]
    [InlineData("Endpoint=http://localhost:11434/;Model=qwen2.5:1.5b", "http://localhost:11434/v1", "qwen2.5:1.5b", null)]
    [InlineData("endpoint=http://ollama:11434/v1;model=llama3", "http://ollama:11434/v1", "llama3", null)]
    [InlineData("Endpoint=http://ollama:11434/V1/;Model=llama3", "http://ollama:11434/V1", "llama3", null)]
    [InlineData("Endpoint=https://api.openai.com/v1;Model=gpt-4o-mini;Key=sk-abc", "https://api.openai.com/v1", "gpt-4o-mini", "sk-abc")]
    [InlineData("Endpoint=https://gw.example.com/llm;Model=m;ApiKey=k1", "https://gw.example.com/llm/v1", "m", "k1")]
    [InlineData(" Endpoint = http://127.0.0.1:8000 ; Model = \"my;model\" ", "http://127.0.0.1:8000/v1", "my;model", null)]
    public void Valid_connection_strings_parse(string connectionString, string baseUrl, string model, string? key)
    {
        Assert.True(LlmConnection.TryParse(connectionString, null, out var connection, out var error));
        Assert.Null(error);
        Assert.Equal(new Uri(baseUrl), connection.BaseUrl);
        Assert.Equal(model, connection.Model);
        Assert.Equal(key, connection.ApiKey);
        Assert.DoesNotContain(key ?? "no key", connection.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_connection_string_means_not_configured(string? connectionString)
    {
        Assert.False(LlmConnection.TryParse(connectionString, "m", out var connection, out var error));
        Assert.Null(connection);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("Model=qwen2.5:1.5b", "Endpoint is missing")]
    [InlineData("Endpoint=localhost:11434;Model=m", "Endpoint must be")]
    [InlineData("Endpoint=ftp://host;Model=m", "Endpoint must be")]
    [InlineData("Endpoint=/relative;Model=m", "Endpoint must be")]
    [InlineData("Endpoint=http://host:11434?x=1;Model=m", "Endpoint must be")]
    [InlineData("Endpoint=http://host:11434", "Model is missing")]
    [InlineData("Endpoint=http://host:11434;Model=", "Model is missing")]
    [InlineData("http://host:11434", "not of the form")]
    public void Invalid_connection_strings_say_what_is_wrong(string connectionString, string expected)
    {
        Assert.False(LlmConnection.TryParse(connectionString, null, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        var exception = Assert.Throws<FormatException>(() => LlmConnection.Parse(connectionString));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_can_come_from_options_when_the_connection_string_names_none()
    {
        Assert.True(LlmConnection.TryParse("Endpoint=http://host:11434", "qwen2.5:1.5b", out var connection, out _));
        Assert.Equal("qwen2.5:1.5b", connection.Model);
        Assert.True(LlmConnection.TryParse("Endpoint=http://host:11434;Model=a", "b", out connection, out _));
        Assert.Equal("a", connection.Model);
    }

    [Fact]
    public async Task Without_a_connection_string_the_enricher_is_not_configured()
    {
        using var host = Build([]);
        var enricher = host.Services.GetRequiredService<ILlmEnricher>();

        Assert.False(enricher.IsConfigured);
        Assert.Null(enricher.Model);
        var conversation = LlmTestData.Sample();
        var error = await Assert.ThrowsAsync<LlmUnavailableException>(
            () => enricher.EnrichAsync(conversation, LlmTestData.EngineResult(conversation), CancellationToken.None));
        Assert.Equal("not configured", error.Reason);
    }

    [Fact]
    public void With_a_connection_string_the_enricher_is_configured()
    {
        using var host = Build(new() { ["ConnectionStrings:llm"] = "Endpoint=http://127.0.0.1:11434;Model=qwen2.5:1.5b" });
        var enricher = host.Services.GetRequiredService<ILlmEnricher>();

        Assert.True(enricher.IsConfigured);
        Assert.Equal("qwen2.5:1.5b", enricher.Model);
        Assert.IsType<OpenAiLlmEnricher>(enricher);
        Assert.Same(enricher, host.Services.GetRequiredService<ILlmEnricher>());
    }

    [Fact]
    public void An_invalid_connection_string_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["ConnectionStrings:llm"] = "Endpoint=nope;Model=m" }));
        Assert.Contains("ConnectionStrings:llm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_configuration_with_defaults()
    {
        using var host = Build(new() { ["Observatory:Llm:Timeout"] = "00:00:05", ["Observatory:Llm:MaxOutputTokens"] = "300" });
        var options = host.Services.GetRequiredService<IOptions<LlmOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(300, options.MaxOutputTokens);
        Assert.Equal(24_000, options.MaxTranscriptChars);
        Assert.Equal(0, options.Temperature);
        Assert.False(options.UseMaxCompletionTokens);
        Assert.Equal(TimeSpan.FromSeconds(60), new LlmOptions().Timeout);
    }

    [Theory]
    [InlineData("Observatory:Llm:Timeout", "00:00:00")]
    [InlineData("Observatory:Llm:MaxTranscriptChars", "10")]
    [InlineData("Observatory:Llm:Temperature", "3")]
    [InlineData("Observatory:Llm:MaxOutputTokens", "0")]
    public async Task Invalid_options_fail_at_start_up(string key, string value)
    {
        using var host = Build(new() { [key] = value });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddLlmEnrichment();
        return builder.Build();
    }
}
