namespace Observatory.Analysis.Core;

/// <summary>
/// How often long loops look at the cancellation token: often enough that a cancelled analysis of 10,000 messages
/// stops within milliseconds, rarely enough to cost nothing measurable.
/// </summary>
internal static class CancellationCadence
{
    public const int Interval = 2048;

    public static void ThrowIfDue(int iteration, CancellationToken cancellationToken)
    {
        if (iteration % Interval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
