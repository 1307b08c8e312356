namespace ElsaFlow.Engine.Store;

/// <summary>Named connections (secrets as ciphertext), shared by every node on one store. Names compare without case.</summary>
public interface IConnectionRecordStore
{
    /// <summary>Every connection, by name (ordinal, ignoring case).</summary>
    Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken ct = default);

    /// <summary>The connection called <paramref name="name"/> in any case, or null.</summary>
    Task<ConnectionRecord?> GetConnectionAsync(string name, CancellationToken ct = default);

    /// <summary>Inserts the connection; false when one with its name (in any case) is already there.</summary>
    Task<bool> TryAddConnectionAsync(ConnectionRecord connection, CancellationToken ct = default);

    /// <summary>Replaces kind, secret, options and UpdatedAt of the connection with its name; false when there is none.</summary>
    Task<bool> UpdateConnectionAsync(ConnectionRecord connection, CancellationToken ct = default);

    /// <summary>Removes a connection; false when there is none with this name.</summary>
    Task<bool> DeleteConnectionAsync(string name, CancellationToken ct = default);
}
