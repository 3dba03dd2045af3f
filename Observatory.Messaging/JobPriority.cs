namespace Observatory.Messaging;

/// <summary>Order in which queued work is picked: every high item before any normal one, normal before low.</summary>
public enum JobPriority
{
    High = 0,
    Normal = 1,
    Low = 2,
}

public static class JobPriorities
{
    public static readonly JobPriority[] InPickOrder = [JobPriority.High, JobPriority.Normal, JobPriority.Low];

    public static string ToWire(this JobPriority priority) => priority switch
    {
        JobPriority.High => "high",
        JobPriority.Low => "low",
        _ => "normal",
    };

    public static bool TryParse(string? value, out JobPriority priority)
    {
        switch (value)
        {
            case "high": priority = JobPriority.High; return true;
            case "normal": priority = JobPriority.Normal; return true;
            case "low": priority = JobPriority.Low; return true;
            default: priority = JobPriority.Normal; return false;
        }
    }
}
