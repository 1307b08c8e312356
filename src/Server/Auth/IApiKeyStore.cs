namespace ElsaFlow.Server.Auth;

/// <summary>The server's API keys (hashed): what authentication and the keys API use; <see cref="StoreApiKeyStore"/> keeps them in the workflow store.</summary>
public interface IApiKeyStore
{
    /// <summary>The key whose secret this is, or null.</summary>
    Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default);

    /// <summary>Creates a key with a new random secret.</summary>
    Task<CreatedApiKey> CreateAsync(string name, ApiRole role, CancellationToken ct = default);

    /// <summary>Removes a key; false when there was none with this id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);

    /// <summary>Makes sure a key with this given secret exists with this role (the ELSAFLOW_ADMIN_KEY key).</summary>
    Task<ApiKey> EnsureAsync(string name, string secret, ApiRole role, CancellationToken ct = default);
}
