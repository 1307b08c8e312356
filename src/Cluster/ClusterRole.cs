namespace ElsaFlow.Cluster;

/// <summary>What a node does in a cluster.</summary>
public enum ClusterRole
{
    /// <summary>API, scheduling and orchestration, and it runs activities too: the default, and all a single process needs.</summary>
    All,
    /// <summary>API, scheduling and orchestration: it assigns activities to workers and runs only those that must stay with it.</summary>
    Master,
    /// <summary>Runs activities only: no API, no orchestration.</summary>
    Worker
}
