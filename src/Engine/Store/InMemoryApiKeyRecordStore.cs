namespace ElsaFlow.Engine.Store;

/// <summary>API keys in memory, for one process (tests, hosts without a database).</summary>
public sealed class InMemoryApiKeyRecordStore : IApiKeyRecordStore
{
    private readonly List<ApiKeyRecord> _keys = [];
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<ApiKeyRecord>>(_keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToList());
    }

    public Task<bool> TryAddApiKeyAsync(ApiKeyRecord key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_keys.Any(k => k.Id == key.Id || k.Hash == key.Hash)) return Task.FromResult(false);
            _keys.Add(key);
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetApiKeyRoleAsync(string id, string role, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var index = _keys.FindIndex(k => k.Id == id);
            if (index < 0) return Task.FromResult(false);
            _keys[index] = _keys[index] with { Role = role };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteApiKeyAsync(string id, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_keys.RemoveAll(k => k.Id == id) > 0);
    }
}
