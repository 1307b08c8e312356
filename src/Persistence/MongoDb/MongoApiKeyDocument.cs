using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>An API key: its id is the document id and its hash has a unique index, so one insert of a secret wins.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoApiKeyDocument
{
    [BsonId] public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Hash { get; set; } = "";
    public long CreatedAt { get; set; }
}
