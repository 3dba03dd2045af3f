namespace Observatory.Tests.Infrastructure;

/// <summary>A class fixture: one <see cref="InProcessStack"/> (the ApiService, and a worker when asked) on a database
/// of its own, and a client for its API. Subclasses name the purpose and settings, and may prepare more once the stack
/// is up (<see cref="OnStartedAsync"/>) or release more before it stops (<see cref="OnStoppingAsync"/>).</summary>
public abstract class InProcessStackFixture(string purpose, bool withWorker, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public InProcessStack Stack { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await InProcessStack.StartAsync(purpose, withWorker, settings);
        Client = Stack.Api.CreateClient();
        await OnStartedAsync();
    }

    public async Task DisposeAsync()
    {
        await OnStoppingAsync();
        await Stack.DisposeAsync();
    }

    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    protected virtual ValueTask OnStoppingAsync() => ValueTask.CompletedTask;
}
