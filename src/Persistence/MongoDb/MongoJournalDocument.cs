using ElsaFlow.Engine.Store;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>A journal line; (InstanceId, Sequence) has a unique index, so writing a line twice keeps one.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoJournalDocument
{
    [BsonId] public ObjectId Id { get; set; }
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    [BsonRepresentation(BsonType.String)] public JournalKind Kind { get; set; }
    public long Timestamp { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? ExecutionId { get; set; }
    public int? Attempt { get; set; }
    public long? Duration { get; set; }
    public string? Port { get; set; }
    public string? Message { get; set; }
    public long? RowCount { get; set; }
    public string? NodeId { get; set; }
    public string? Outputs { get; set; }
}
