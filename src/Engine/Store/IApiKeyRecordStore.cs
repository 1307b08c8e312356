namespace ElsaFlow.Engine.Store;

/// <summary>API keys (hashes only), shared by every node on one store, so a key made or deleted on one node counts on all.</summary>
public interface IApiKeyRecordStore
{
    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken ct = default);

    /// <summary>Inserts the key; false when a key with its id or its hash is already there (on this or another node).</summary>
    Task<bool> TryAddApiKeyAsync(ApiKeyRecord key, CancellationToken ct = default);

    /// <summary>Gives a key another role; false when there is no key with this id.</summary>
    Task<bool> SetApiKeyRoleAsync(string id, string role, CancellationToken ct = default);

    /// <summary>Removes a key; false when there is no key with this id.</summary>
    Task<bool> DeleteApiKeyAsync(string id, CancellationToken ct = default);
}
