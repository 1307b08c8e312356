namespace ElsaFlow.Engine.Store;

/// <summary>Named connections in memory, for one process (tests, hosts without a database).</summary>
public sealed class InMemoryConnectionRecordStore : IConnectionRecordStore
{
    private readonly Dictionary<string, ConnectionRecord> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ConnectionRecord>>(
                _connections.Values.OrderBy(c => c.Name.ToLowerInvariant(), StringComparer.Ordinal).ToList());
    }

    public Task<ConnectionRecord?> GetConnectionAsync(string name, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_connections.GetValueOrDefault(name));
    }

    public Task<bool> TryAddConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_gate) return Task.FromResult(_connections.TryAdd(connection.Name, connection));
    }

    public Task<bool> UpdateConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_gate)
        {
            if (!_connections.TryGetValue(connection.Name, out var stored)) return Task.FromResult(false);
            _connections[connection.Name] = connection with { Name = stored.Name, CreatedAt = stored.CreatedAt };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteConnectionAsync(string name, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_connections.Remove(name));
    }
}
