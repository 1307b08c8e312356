using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>One definition version; _id is "definitionId/version" and (DefinitionId, Version) has a unique index.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoDefinitionDocument
{
    [BsonId] public string Key { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string Json { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public string? SourcePath { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
