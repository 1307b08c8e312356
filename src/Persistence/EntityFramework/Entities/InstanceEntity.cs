using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the instances table: searchable columns, lease and the state document.</summary>
public sealed class InstanceEntity
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long Revision { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public string StateJson { get; set; } = "";
    public string? Error { get; set; }
}
