using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Observatory.Identity;
using Observatory.Messaging;
using Observatory.Gateway.Proxy;

namespace Observatory.Gateway.Identity;

/// <summary>Finds the API key behind a hash without a database hop per request: a short in-memory cache, then the
/// Redis projection the ApiService maintains, then (cold cache and empty Redis) the ApiService itself. Revocations
/// are announced on Redis pub/sub and evicted at once; the cache lifetime bounds how long a missed announcement
/// can keep a revoked key alive (CONTRACT: refused everywhere within 5 s).</summary>
public sealed partial class KeyDirectory : IHostedService
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (KeyProjection.Entry? Entry, long ExpiresAt)> _cache = new(StringComparer.Ordinal);
    private readonly RedisConnections _redis;
    private readonly IHttpClientFactory _httpClients;
    private readonly IConfiguration _configuration;
    private readonly IOptions<GatewayIdentityOptions> _identity;
    private readonly TimeProvider _clock;
    private readonly ILogger<KeyDirectory> _logger;

    public KeyDirectory(RedisConnections redis, IHttpClientFactory httpClients, IConfiguration configuration,
        IOptions<GatewayIdentityOptions> identity, TimeProvider clock, ILogger<KeyDirectory> logger)
    {
        _redis = redis;
        _httpClients = httpClients;
        _configuration = configuration;
        _identity = identity;
        _clock = clock;
        _logger = logger;
    }

    public const string ClientName = "apiservice-keys";

    public async Task<KeyProjection.Entry?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var now = _clock.GetTimestamp();
        if (_cache.TryGetValue(keyHash, out var cached) && cached.ExpiresAt > now) return cached.Entry;

        KeyProjection.Entry? entry = null;
        var known = false;
        try
        {
            var json = await _redis.Commands.HashGetAsync(KeyProjection.HashKey, keyHash).WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            if (json.HasValue)
            {
                entry = KeyProjection.Parse(json);
                known = true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRedisUnavailable(_logger, e.Message);
        }
        if (!known) entry = await AskApiServiceAsync(keyHash, cancellationToken);

        _cache[keyHash] = (entry, now + (long)(CacheLifetime.TotalSeconds * _clock.TimestampFrequency));
        return entry;
    }

    public void Evict(string keyHash) => _cache.TryRemove(keyHash, out _);

    private async Task<KeyProjection.Entry?> AskApiServiceAsync(string keyHash, CancellationToken cancellationToken)
    {
        var secret = _identity.Value.IdentitySecret;
        if (string.IsNullOrEmpty(secret)) return null;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(ApiServiceRoutes.ResolveAddress(_configuration)), $"/internal/keys/{keyHash}"));
        var headers = new HeaderDictionary();
        ForwardedIdentity.Write(headers, secret, new SignedIdentity("gateway", "internal", "", ""), _clock.GetUtcNow());
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value.ToString());
        using var response = await _httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<KeyProjection.Entry>(System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.Multiplexer.GetSubscriber().SubscribeAsync(KeyProjection.RevokedChannel, (_, hash) => Evict((string)hash!));
        }
        catch (Exception e)
        {
            // Not fatal: cache entries expire within CacheLifetime anyway.
            LogRedisUnavailable(_logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key projection in Redis unavailable; asking the ApiService: {Reason}")]
    private static partial void LogRedisUnavailable(ILogger logger, string reason);
}
