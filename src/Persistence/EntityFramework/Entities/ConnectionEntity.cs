namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>
/// A row of the connections table. <see cref="Key"/> is the name in lower case, so names are unique regardless of case
/// on every provider (MySQL's collation ignores case, SQLite's and PostgreSQL's do not); the secret is ciphertext only.
/// </summary>
public sealed class ConnectionEntity
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string ProtectedConnectionString { get; set; } = "";
    public string OptionsJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
