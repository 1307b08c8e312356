using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>A node's last heartbeat; the node id is the document id, so a heartbeat replaces the node's document.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoWorkerDocument
{
    [BsonId] public string NodeId { get; set; } = "";
    public string Role { get; set; } = "";
    public List<string> Groups { get; set; } = [];
    public int Concurrency { get; set; }
    public int Running { get; set; }
    public string Version { get; set; } = "";
    public long StartedAt { get; set; }
    public long LastSeen { get; set; }
    public long? StoppedAt { get; set; }
}
