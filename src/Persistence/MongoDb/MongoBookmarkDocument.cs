using MongoDB.Bson.Serialization.Attributes;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>A bookmark embedded in its instance's document.</summary>
[BsonIgnoreExtraElements]
internal sealed class MongoBookmarkDocument
{
    public string BookmarkId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? MatchKey { get; set; }
    public long? ResumeAt { get; set; }
    public long CreatedAt { get; set; }
}
