namespace ElsaFlow.Cluster;

/// <summary>How a node takes part in the cluster: its role, the bus, and (as a worker) its groups and concurrency.</summary>
public sealed class ClusterOptions
{
    public ClusterRole Role { get; set; } = ClusterRole.All;

    /// <summary>
    /// The bus: <c>amqp://user:password@host:5672/vhost</c> for RabbitMQ, <c>memory</c> for MassTransit's in-memory
    /// transport (one process, every bus code path), empty for none: activities run in this process directly, which is
    /// what one process needs (MassTransit's in-memory transport costs about 1.3 s to start and 0.6 ms per activity here).
    /// </summary>
    public string Bus { get; set; } = "";

    /// <summary>Worker groups this node takes pinned activities for (an activity's <c>worker</c> behaviour names one).</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Activities this node runs at the same time at most (also the prefetch of its queues).</summary>
    public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// A stopping node (SIGTERM) takes no more work and lets what runs finish for this long; what is still running then
    /// is handed back to its queue for another worker. Orchestrators allow a container's stop grace period accordingly.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node announces itself and a worker reports on each activity it runs.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An activity no worker has reported on for this long is dispatched again (RabbitMQ only: in memory nothing is lost but a process).</summary>
    public TimeSpan ExecutionHeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public const string InMemoryBus = "memory";

    public bool UsesBus => Bus.Length > 0;
    public bool UsesRabbitMq => UsesBus && !Bus.Equals(InMemoryBus, StringComparison.OrdinalIgnoreCase);
    public bool Orchestrates => Role is ClusterRole.All or ClusterRole.Master;
    public bool RunsActivities => Role is ClusterRole.All or ClusterRole.Worker;
}
