using System.Globalization;

namespace Observatory.LoadTest;

/// <summary>Command line: <c>&lt;scenario&gt; --url URL [--concurrency C] [--requests N] [--duration 30s] …</c>.</summary>
public sealed record LoadTestOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Observatory.LoadTest -- <scenario> [options]

        Scenarios:
          submit-latency   C clients POST small conversations as fast as they can, N requests in total
          throughput       submit M conversations with C submitters, wait for all to finish, report analyses/s
          get-latency      C clients GET one analysis (created first, or --id) N times
          gateway-overhead the same GET, R rounds of a run straight at --direct-url then one through --url
          batch            one batch of M conversations of ~K messages, followed until its aggregate is ready

        Options:
          --url URL             gateway or ApiService base URL; loopback only   (default http://127.0.0.1:8080)
          --concurrency C       concurrent clients                              (default 50)
          --requests N          measured requests per run, latency scenarios    (default 5000)
          --warmup N            unmeasured requests before measuring            (default 200)
          --duration T          upper bound on the measured phase: 30s, 2m, 500ms, 00:01:00
                                (default 2m for the latency scenarios, 10m for throughput)
          --conversations M     conversations to submit, throughput and batch   (default 1000)
          --messages K          messages per conversation (K-2..K)              (default 8)
          --pollers P           throughput: analyses followed at once          (default 4)
          --poll-interval T     throughput: pause between reads of one analysis (default 100ms)
          --api-key KEY         sent as "Authorization: Bearer KEY"
          --id ID               get-latency, gateway-overhead: read this analysis instead of creating one
          --direct-url URL      gateway-overhead: the ApiService's own address
          --rounds R            gateway-overhead: direct/gateway pairs          (default 3)
          --rate R              latency scenarios: pace the clients at R req/s in total (latency then counts
                                from when each request was due) instead of sending back to back
          --seed S              seed of the conversation generator              (default 42)
          --timeout T           per-request timeout                             (default 60s)
        """;

    public required string Scenario { get; init; }

    public Uri Url { get; init; } = new("http://127.0.0.1:8080");

    public int Concurrency { get; init; } = 50;

    public int Requests { get; init; } = 5_000;

    public int Warmup { get; init; } = 200;

    public TimeSpan? Duration { get; init; }

    public int Conversations { get; init; } = 1_000;

    public int Messages { get; init; } = 8;

    public int Pollers { get; init; } = 4;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public string? ApiKey { get; init; }

    public string? Id { get; init; }

    public double? Rate { get; init; }

    public Uri? DirectUrl { get; init; }

    public int Rounds { get; init; } = 3;

    public int Seed { get; init; } = 42;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public static readonly string[] Scenarios = ["submit-latency", "throughput", "get-latency", "gateway-overhead", "batch"];

    /// <exception cref="FormatException">An argument is missing, unknown or malformed; the message says which.</exception>
    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new FormatException("The first argument must be a scenario: " + string.Join(", ", Scenarios) + ".");
        }

        string scenario = args[0].ToLowerInvariant();
        if (!Scenarios.Contains(scenario))
        {
            throw new FormatException($"Unknown scenario '{args[0]}'; expected one of: {string.Join(", ", Scenarios)}.");
        }

        var options = new LoadTestOptions { Scenario = scenario };
        for (int i = 1; i < args.Count; i++)
        {
            string name = args[i];
            string? inlineValue = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            options = name switch
            {
                "--url" => options with { Url = ParseUrl(name, Value()) },
                "--direct-url" => options with { DirectUrl = ParseUrl(name, Value()) },
                "--rounds" => options with { Rounds = PositiveInt(name, Value(), max: 1_000) },
                "--concurrency" or "-c" => options with { Concurrency = PositiveInt(name, Value(), max: 10_000) },
                "--requests" or "-n" => options with { Requests = PositiveInt(name, Value(), max: 100_000_000) },
                "--warmup" => options with { Warmup = NonNegativeInt(name, Value()) },
                "--duration" or "-d" => options with { Duration = ParseDuration(name, Value()) },
                "--conversations" => options with { Conversations = PositiveInt(name, Value(), max: 10_000_000) },
                "--messages" => options with { Messages = PositiveInt(name, Value(), max: 10_000) },
                "--pollers" => options with { Pollers = PositiveInt(name, Value(), max: 1_000) },
                "--poll-interval" => options with { PollInterval = ParseDuration(name, Value()) },
                "--api-key" => options with { ApiKey = Value() },
                "--id" => options with { Id = Value() },
                "--rate" => options with { Rate = PositiveInt(name, Value(), max: 1_000_000) },
                "--seed" => options with { Seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--timeout" => options with { RequestTimeout = ParseDuration(name, Value()) },
                _ => throw new FormatException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    /// <summary>The bound on the measured phase: the given one, else a default per scenario.</summary>
    public TimeSpan EffectiveDuration => Duration ?? (Scenario is "throughput" or "batch" ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(2));

    private static Uri ParseUrl(string name, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"{name} must be an absolute http(s) URL, not '{text}'.");
        }

        LoopbackGuard.EnsureLoopbackHost(uri);
        return uri;
    }

    private static int PositiveInt(string name, string text, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1 || value > max)
        {
            throw new FormatException($"{name} must be an integer from 1 to {max}, not '{text}'.");
        }

        return value;
    }

    private static int NonNegativeInt(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 0)
        {
            throw new FormatException($"{name} must be a non-negative integer, not '{text}'.");
        }

        return value;
    }

    /// <summary>"30s", "2m", "1h", "500ms", a plain number of seconds, or a TimeSpan ("00:00:30").</summary>
    public static TimeSpan ParseDuration(string name, string text)
    {
        string t = text.Trim().ToLowerInvariant();
        (string number, double unitSeconds) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1.0),
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };

        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) && amount > 0 && amount * unitSeconds <= 86_400)
        {
            return TimeSpan.FromSeconds(amount * unitSeconds);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new FormatException($"{name} must be a positive duration such as 30s, 2m, 500ms or 00:01:00, not '{text}'.");
    }
}
