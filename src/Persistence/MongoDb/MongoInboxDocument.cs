using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>An inbox entry; (InstanceId, EntryId) has a unique index, so a redelivered entry is kept once.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoInboxDocument
{
    [BsonId] public ObjectId Id { get; set; }
    public string InstanceId { get; set; } = "";
    public string EntryId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public long ReceivedAt { get; set; }
}
