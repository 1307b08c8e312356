namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the definitions table: one version of a workflow definition.</summary>
public sealed class DefinitionEntity
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string Json { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public string? SourcePath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
