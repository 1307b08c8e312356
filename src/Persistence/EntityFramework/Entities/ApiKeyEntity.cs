namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the api_keys table: the hash of a key's secret (unique), never the secret.</summary>
public sealed class ApiKeyEntity
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
