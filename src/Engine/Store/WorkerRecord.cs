namespace ElsaFlow.Engine.Store;

/// <summary>A node as its last heartbeat described it: what it does, for which worker groups, how busy it is.</summary>
public sealed record WorkerRecord
{
    public required string NodeId { get; init; }

    /// <summary>all, master or worker.</summary>
    public required string Role { get; init; }

    /// <summary>The worker groups it takes pinned activities for (empty: only unpinned ones).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Activities it runs at the same time at most.</summary>
    public int Concurrency { get; init; }

    /// <summary>Activities running on it at its last heartbeat.</summary>
    public int Running { get; init; }

    public string Version { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Set when the node said goodbye (a graceful stop); a node that died just stops being seen.</summary>
    public DateTimeOffset? StoppedAt { get; init; }
}
