namespace ElsaFlow.Engine.Store;

/// <summary>A workflow instance as stored: searchable columns plus the serialized state document.</summary>
public sealed record InstanceRecord
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public WorkflowStatus Status { get; init; }
    public string? CorrelationId { get; init; }
    public string? ParentInstanceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Optimistic concurrency: incremented by every commit.</summary>
    public long Revision { get; init; }

    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The state document (see the runtime's WorkflowState), as JSON.</summary>
    public required string StateJson { get; init; }

    /// <summary>The fault message when Faulted.</summary>
    public string? Error { get; init; }
}
