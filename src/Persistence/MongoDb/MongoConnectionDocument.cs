using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>A named connection: the lower-case name is the document id, so names are unique regardless of case; the secret is ciphertext.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoConnectionDocument
{
    [BsonId] public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string ProtectedConnectionString { get; set; } = "";
    public string OptionsJson { get; set; } = "{}";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
