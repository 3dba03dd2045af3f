using Observatory.LoadTest;
using Observatory.LoadTest.Scenarios;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (FormatException exception)
{
    Console.Error.WriteLine("error: " + exception.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadTestOptions.Usage);
    return args.Any(a => a is "-h" or "--help") ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C stops the run and still prints what was measured; a second one kills the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        Console.Error.WriteLine("stopping…");
        cancellation.Cancel();
    }
};

Console.Error.WriteLine($"{options.Scenario} against {options.Url} (concurrency {options.Concurrency})");
try
{
    return options.Scenario switch
    {
        "submit-latency" => await SubmitLatencyScenario.RunAsync(options, cancellation.Token),
        "throughput" => await ThroughputScenario.RunAsync(options, cancellation.Token),
        "get-latency" => await GetLatencyScenario.RunAsync(options, cancellation.Token),
        "gateway-overhead" => await GatewayOverheadScenario.RunAsync(options, cancellation.Token),
        "batch" => await BatchScenario.RunAsync(options, cancellation.Token),
        _ => 2,
    };
}
catch (SetupException exception)
{
    Console.Error.WriteLine("setup failed: " + exception.Message);
    return 3;
}
