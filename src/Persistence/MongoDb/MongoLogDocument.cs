using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>A log line; (InstanceId, Sequence) has a unique index, so writing a line twice keeps one.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoLogDocument
{
    [BsonId] public ObjectId Id { get; set; }
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public long Timestamp { get; set; }
    public string? ActivityId { get; set; }
    public string Level { get; set; } = "";
    public string Message { get; set; } = "";
}
