namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the bookmarks table.</summary>
public sealed class BookmarkEntity
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? MatchKey { get; set; }
    public DateTimeOffset? ResumeAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
