namespace ElsaFlow.Engine.Model;

/// <summary>The behaviours every activity accepts: retry, delay before running, timeout, error handling and worker group.</summary>
public sealed class ActivityBehaviours
{
    /// <summary>
    /// Key names reserved for behaviours and structure; no activity may declare an input with one of them.
    /// "name" and "description" are not reserved: they are an activity's label unless it declares such an input (Event's name).
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "type", "metadata", "retry", "delay", "timeout", "onError", "worker", "activities", "connections", "start"
    };

    public RetryPolicy? Retry { get; set; }
    public TimeSpan? Delay { get; set; }
    public TimeSpan? Timeout { get; set; }
    public OnErrorMode OnError { get; set; } = OnErrorMode.Fault;
    public string? Worker { get; set; }

    public bool IsEmpty => Retry is null && Delay is null && Timeout is null && OnError == OnErrorMode.Fault && Worker is null;
}

/// <summary>How often and how patiently a failed activity is tried again.</summary>
public sealed class RetryPolicy
{
    /// <summary>Total attempts including the first one.</summary>
    public int Attempts { get; set; } = 1;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
    public BackoffKind Backoff { get; set; } = BackoffKind.Fixed;
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var delay = Backoff == BackoffKind.Exponential
            ? TimeSpan.FromTicks((long)Math.Min(Delay.Ticks * Math.Pow(2, nextAttempt - 2), TimeSpan.MaxValue.Ticks / 2))
            : Delay;
        return MaxDelay is { } max && delay > max ? max : delay;
    }
}

public enum BackoffKind { Fixed, Exponential }

/// <summary>What happens when an activity faults after its retries: fault the instance, continue as if done, or follow the Error port.</summary>
public enum OnErrorMode { Fault, Continue, Port }
