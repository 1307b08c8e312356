using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>Converts between the engine's records and the EF entities.</summary>
internal static class EntityMapping
{
    public static StoredDefinition ToRecord(this DefinitionEntity e) => new()
    {
        DefinitionId = e.DefinitionId, Version = e.Version, Name = e.Name, Description = e.Description, Json = e.Json,
        IsPublished = e.IsPublished, IsLatest = e.IsLatest, SourcePath = e.SourcePath, CreatedAt = e.CreatedAt, UpdatedAt = e.UpdatedAt,
    };

    public static DefinitionEntity ToEntity(this StoredDefinition d) => new()
    {
        DefinitionId = d.DefinitionId, Version = d.Version, Name = d.Name, Description = d.Description, Json = d.Json,
        IsPublished = d.IsPublished, IsLatest = d.IsLatest, SourcePath = d.SourcePath, CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt,
    };

    public static InstanceRecord ToRecord(this InstanceEntity e) => new()
    {
        Id = e.Id, DefinitionId = e.DefinitionId, DefinitionVersion = e.DefinitionVersion, Status = e.Status,
        CorrelationId = e.CorrelationId, ParentInstanceId = e.ParentInstanceId, CreatedAt = e.CreatedAt, UpdatedAt = e.UpdatedAt,
        FinishedAt = e.FinishedAt, Revision = e.Revision, LeaseOwner = e.LeaseOwner, LeaseExpiresAt = e.LeaseExpiresAt,
        StateJson = e.StateJson, Error = e.Error,
    };

    public static InstanceEntity ToEntity(this InstanceRecord i, long revision) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion, Status = i.Status,
        CorrelationId = i.CorrelationId, ParentInstanceId = i.ParentInstanceId, CreatedAt = i.CreatedAt, UpdatedAt = i.UpdatedAt,
        FinishedAt = i.FinishedAt, Revision = revision, LeaseOwner = i.LeaseOwner, LeaseExpiresAt = i.LeaseExpiresAt,
        StateJson = i.StateJson, Error = i.Error,
    };

    public static BookmarkRecord ToRecord(this BookmarkEntity e) => new()
    {
        Id = e.Id, InstanceId = e.InstanceId, ActivityId = e.ActivityId, ExecutionId = e.ExecutionId, Name = e.Name,
        MatchKey = e.MatchKey, ResumeAt = e.ResumeAt, CreatedAt = e.CreatedAt,
    };

    public static BookmarkEntity ToEntity(this BookmarkRecord b, string instanceId) => new()
    {
        Id = b.Id, InstanceId = instanceId, ActivityId = b.ActivityId, ExecutionId = b.ExecutionId, Name = b.Name,
        MatchKey = b.MatchKey, ResumeAt = b.ResumeAt, CreatedAt = b.CreatedAt,
    };

    public static JournalEntry ToRecord(this JournalEntity e) => new()
    {
        InstanceId = e.InstanceId, Sequence = e.Sequence, Kind = e.Kind, Timestamp = e.Timestamp, ActivityId = e.ActivityId,
        ActivityType = e.ActivityType, ExecutionId = e.ExecutionId, Attempt = e.Attempt, Duration = e.Duration, Port = e.Port,
        Message = e.Message, RowCount = e.RowCount, NodeId = e.NodeId, Outputs = e.Outputs is null ? null : JsonNode.Parse(e.Outputs)?.AsObject(),
    };

    public static JournalEntity ToEntity(this JournalEntry j, string instanceId) => new()
    {
        InstanceId = instanceId, Sequence = j.Sequence, Kind = j.Kind, Timestamp = j.Timestamp, ActivityId = j.ActivityId,
        ActivityType = j.ActivityType, ExecutionId = j.ExecutionId, Attempt = j.Attempt, Duration = j.Duration, Port = j.Port,
        Message = j.Message, RowCount = j.RowCount, NodeId = j.NodeId, Outputs = j.Outputs?.ToJsonString(),
    };

    public static LogEntry ToRecord(this LogEntity e) => new()
    {
        InstanceId = e.InstanceId, Sequence = e.Sequence, Timestamp = e.Timestamp, ActivityId = e.ActivityId, Level = e.Level, Message = e.Message,
    };

    public static LogEntity ToEntity(this LogEntry l, string instanceId) => new()
    {
        InstanceId = instanceId, Sequence = l.Sequence, Timestamp = l.Timestamp, ActivityId = l.ActivityId, Level = l.Level, Message = l.Message,
    };

    public static InboxEntry ToRecord(this InboxEntity e) => new()
    {
        InstanceId = e.InstanceId, Id = e.Id, Kind = e.Kind, Payload = e.Payload, ReceivedAt = e.ReceivedAt,
    };

    public static InboxEntity ToEntity(this InboxEntry e) => new()
    {
        InstanceId = e.InstanceId, Id = e.Id, Kind = e.Kind, Payload = e.Payload, ReceivedAt = e.ReceivedAt,
    };

    public static WorkerRecord ToRecord(this WorkerEntity e) => new()
    {
        NodeId = e.NodeId, Role = e.Role, Groups = JsonSerializer.Deserialize<string[]>(e.Groups) ?? [], Concurrency = e.Concurrency,
        Running = e.Running, Version = e.Version, StartedAt = e.StartedAt, LastSeen = e.LastSeen, StoppedAt = e.StoppedAt,
    };

    public static WorkerEntity ToEntity(this WorkerRecord w) => new()
    {
        NodeId = w.NodeId, Role = w.Role, Groups = JsonSerializer.Serialize(w.Groups), Concurrency = w.Concurrency,
        Running = w.Running, Version = w.Version, StartedAt = w.StartedAt, LastSeen = w.LastSeen, StoppedAt = w.StoppedAt,
    };

    /// <summary>True when the stored bookmark already equals the wanted one (so the commit can leave it alone).</summary>
    public static bool SameAs(this BookmarkEntity e, BookmarkRecord b) =>
        e.ActivityId == b.ActivityId && e.ExecutionId == b.ExecutionId && e.Name == b.Name && e.MatchKey == b.MatchKey
        && e.ResumeAt?.UtcTicks == b.ResumeAt?.UtcTicks && e.CreatedAt.UtcTicks == b.CreatedAt.UtcTicks;
}
