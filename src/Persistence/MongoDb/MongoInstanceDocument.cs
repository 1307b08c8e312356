using ElsaFlow.Engine.Store;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>
/// An instance as one MongoDB document, with its bookmarks embedded: a commit's instance and bookmarks change in one
/// atomic single-document update. Times are UTC ticks (exact and sortable, as in the EF model).
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class MongoInstanceDocument
{
    [BsonId] public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    [BsonRepresentation(BsonType.String)] public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? FinishedAt { get; set; }

    /// <summary>FinishedAt, or UpdatedAt when the instance has not ended: what retention compares.</summary>
    public long EndedAt { get; set; }

    public long Revision { get; set; }
    public string? LeaseOwner { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public string StateJson { get; set; } = "";
    public string? Error { get; set; }
    public List<MongoBookmarkDocument> Bookmarks { get; set; } = [];
}
