namespace Observatory.LoadTest.Scenarios;

/// <summary>The target could not be prepared (unreachable, refused the seed request, …): nothing was measured.</summary>
public sealed class SetupException(string message) : Exception(message);
