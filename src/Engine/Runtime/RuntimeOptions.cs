namespace ElsaFlow.Engine.Runtime;

/// <summary>Settings of the workflow runtime.</summary>
public sealed class RuntimeOptions
{
    public CommitPolicy CommitPolicy { get; set; } = CommitPolicy.EachActivity;

    /// <summary>How long an instance stays owned by a process that stops renewing it (because it died).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Code activities of one instance running at the same time.</summary>
    public int MaxParallelActivities { get; set; } = 16;

    /// <summary>
    /// Set when activities run on other nodes that report heartbeats while they work (a cluster on a durable bus). An
    /// activity not heard from for this long is dispatched again (its worker hangs or died without its message being
    /// redelivered), and an instance taken over from a dead owner leaves its dispatched activities running: their answers
    /// are on the bus. Null (one process): a taken-over instance runs what was in flight again at once.
    /// </summary>
    public TimeSpan? ExecutionHeartbeatTimeout { get; set; }

    /// <summary>Default guard on every loop and back-edge cycle.</summary>
    public int MaxVisits { get; set; } = 10_000;

    /// <summary>Name of this process as lease owner.</summary>
#pragma warning disable RS0030 // a process's name is chosen once, outside any orchestration
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():n}";
#pragma warning restore RS0030
}

/// <summary>When the instance state is written to the store.</summary>
public enum CommitPolicy
{
    /// <summary>After every completed activity and on suspension: the default, a crash loses at most the activity in flight.</summary>
    EachActivity,
    /// <summary>Only when the instance waits, faults or ends (and before dispatching work): fastest, replays more after a crash.</summary>
    OnSuspend
}
