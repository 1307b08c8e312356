namespace ElsaFlow.Engine.Store;

/// <summary>An API key as the store keeps it: never the secret, only the lowercase hex SHA-256 hash of it.</summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The role's name as the host spells it (the server's admin, operator, viewer); the store does not interpret it.</summary>
    public required string Role { get; init; }

    /// <summary>SHA-256 of the secret, lowercase hex; unique in the store.</summary>
    public required string Hash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
