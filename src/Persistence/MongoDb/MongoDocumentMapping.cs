using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>Converts between the engine's records and the MongoDB documents.</summary>
internal static class MongoDocumentMapping
{
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is null ? null : FromTicks(ticks.Value);

    public static string DefinitionKey(string definitionId, int version) => $"{definitionId}/{version}";

    public static MongoDefinitionDocument ToDocument(this StoredDefinition d) => new()
    {
        Key = DefinitionKey(d.DefinitionId, d.Version), DefinitionId = d.DefinitionId, Version = d.Version, Name = d.Name,
        Description = d.Description, Json = d.Json, IsPublished = d.IsPublished, IsLatest = d.IsLatest, SourcePath = d.SourcePath,
        CreatedAt = d.CreatedAt.UtcTicks, UpdatedAt = d.UpdatedAt.UtcTicks,
    };

    public static StoredDefinition ToRecord(this MongoDefinitionDocument d) => new()
    {
        DefinitionId = d.DefinitionId, Version = d.Version, Name = d.Name, Description = d.Description, Json = d.Json,
        IsPublished = d.IsPublished, IsLatest = d.IsLatest, SourcePath = d.SourcePath,
        CreatedAt = FromTicks(d.CreatedAt), UpdatedAt = FromTicks(d.UpdatedAt),
    };

    public static MongoInstanceDocument ToDocument(this InstanceRecord i, long revision, IEnumerable<BookmarkRecord> bookmarks) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion, Status = i.Status,
        CorrelationId = i.CorrelationId, ParentInstanceId = i.ParentInstanceId, CreatedAt = i.CreatedAt.UtcTicks,
        UpdatedAt = i.UpdatedAt.UtcTicks, FinishedAt = i.FinishedAt?.UtcTicks, EndedAt = (i.FinishedAt ?? i.UpdatedAt).UtcTicks,
        Revision = revision, LeaseOwner = i.LeaseOwner, LeaseExpiresAt = i.LeaseExpiresAt?.UtcTicks, StateJson = i.StateJson,
        Error = i.Error, Bookmarks = bookmarks.Select(ToDocument).ToList(),
    };

    public static InstanceRecord ToRecord(this MongoInstanceDocument i) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion, Status = i.Status,
        CorrelationId = i.CorrelationId, ParentInstanceId = i.ParentInstanceId, CreatedAt = FromTicks(i.CreatedAt),
        UpdatedAt = FromTicks(i.UpdatedAt), FinishedAt = FromTicks(i.FinishedAt), Revision = i.Revision, LeaseOwner = i.LeaseOwner,
        LeaseExpiresAt = FromTicks(i.LeaseExpiresAt), StateJson = i.StateJson, Error = i.Error,
    };

    public static MongoBookmarkDocument ToDocument(this BookmarkRecord b) => new()
    {
        BookmarkId = b.Id, ActivityId = b.ActivityId, ExecutionId = b.ExecutionId, Name = b.Name, MatchKey = b.MatchKey,
        ResumeAt = b.ResumeAt?.UtcTicks, CreatedAt = b.CreatedAt.UtcTicks,
    };

    public static BookmarkRecord ToRecord(this MongoBookmarkDocument b, string instanceId) => new()
    {
        Id = b.BookmarkId, InstanceId = instanceId, ActivityId = b.ActivityId, ExecutionId = b.ExecutionId, Name = b.Name,
        MatchKey = b.MatchKey, ResumeAt = FromTicks(b.ResumeAt), CreatedAt = FromTicks(b.CreatedAt),
    };

    public static MongoJournalDocument ToDocument(this JournalEntry j, string instanceId) => new()
    {
        InstanceId = instanceId, Sequence = j.Sequence, Kind = j.Kind, Timestamp = j.Timestamp.UtcTicks, ActivityId = j.ActivityId,
        ActivityType = j.ActivityType, ExecutionId = j.ExecutionId, Attempt = j.Attempt, Duration = j.Duration?.Ticks, Port = j.Port,
        Message = j.Message, RowCount = j.RowCount, NodeId = j.NodeId, Outputs = j.Outputs?.ToJsonString(),
    };

    public static JournalEntry ToRecord(this MongoJournalDocument j) => new()
    {
        InstanceId = j.InstanceId, Sequence = j.Sequence, Kind = j.Kind, Timestamp = FromTicks(j.Timestamp), ActivityId = j.ActivityId,
        ActivityType = j.ActivityType, ExecutionId = j.ExecutionId, Attempt = j.Attempt,
        Duration = j.Duration is null ? null : TimeSpan.FromTicks(j.Duration.Value), Port = j.Port, Message = j.Message, RowCount = j.RowCount,
        NodeId = j.NodeId,
        Outputs = j.Outputs is null ? null : JsonNode.Parse(j.Outputs)?.AsObject(),
    };

    public static MongoLogDocument ToDocument(this LogEntry l, string instanceId) => new()
    {
        InstanceId = instanceId, Sequence = l.Sequence, Timestamp = l.Timestamp.UtcTicks, ActivityId = l.ActivityId, Level = l.Level, Message = l.Message,
    };

    public static LogEntry ToRecord(this MongoLogDocument l) => new()
    {
        InstanceId = l.InstanceId, Sequence = l.Sequence, Timestamp = FromTicks(l.Timestamp), ActivityId = l.ActivityId, Level = l.Level, Message = l.Message,
    };

    public static MongoInboxDocument ToDocument(this InboxEntry e) => new()
    {
        InstanceId = e.InstanceId, EntryId = e.Id, Kind = e.Kind, Payload = e.Payload, ReceivedAt = e.ReceivedAt.UtcTicks,
    };

    public static InboxEntry ToRecord(this MongoInboxDocument e) => new()
    {
        InstanceId = e.InstanceId, Id = e.EntryId, Kind = e.Kind, Payload = e.Payload, ReceivedAt = FromTicks(e.ReceivedAt),
    };

    public static MongoWorkerDocument ToDocument(this WorkerRecord w) => new()
    {
        NodeId = w.NodeId, Role = w.Role, Groups = w.Groups.ToList(), Concurrency = w.Concurrency, Running = w.Running, Version = w.Version,
        StartedAt = w.StartedAt.UtcTicks, LastSeen = w.LastSeen.UtcTicks, StoppedAt = w.StoppedAt?.UtcTicks,
    };

    public static WorkerRecord ToRecord(this MongoWorkerDocument w) => new()
    {
        NodeId = w.NodeId, Role = w.Role, Groups = w.Groups, Concurrency = w.Concurrency, Running = w.Running, Version = w.Version,
        StartedAt = FromTicks(w.StartedAt), LastSeen = FromTicks(w.LastSeen), StoppedAt = FromTicks(w.StoppedAt),
    };
}
