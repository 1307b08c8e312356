namespace ElsaFlow.Cluster.Messages;

/// <summary>Command to every worker: stop this execution if you run it (its instance was cancelled or finished early).</summary>
public sealed record CancelActivity
{
    public required string ExecutionId { get; init; }
}
