namespace ElsaFlow.Engine.Store;

/// <summary>
/// A named connection as the store keeps it: the connection string only as ciphertext (the host protects and unprotects
/// it; the store never sees the secret). Names are unique regardless of case.
/// </summary>
public sealed record ConnectionRecord
{
    public required string Name { get; init; }

    /// <summary>The client to use (mysql, postgres, ...), lower case.</summary>
    public required string Kind { get; init; }

    /// <summary>The connection string as the host's protector wrote it; never the plain text.</summary>
    public required string ProtectedConnectionString { get; init; }

    /// <summary>The options as a JSON object of strings; not secret.</summary>
    public required string OptionsJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
