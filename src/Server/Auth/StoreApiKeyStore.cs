using System.Security.Cryptography;
using System.Text;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Auth;

/// <summary>
/// API keys in the workflow store (<see cref="IApiKeyRecordStore"/>: every node on one database sees the same keys),
/// as SHA-256 hashes, never secrets. A secret is found by comparing its hash with every key's in constant time.
/// </summary>
public sealed class StoreApiKeyStore(IApiKeyRecordStore records, TimeProvider time) : IApiKeyStore
{
    /// <summary>Tries at creating a key whose hash another node inserted at the same moment.</summary>
    private const int Attempts = 3;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default)
    {
        var hash = Encoding.ASCII.GetBytes(Hash(secret));
        ApiKey? found = null;
        // Every key is compared, with no early exit, so the time taken says nothing about which key (if any) matched.
        foreach (var key in await ListAsync(ct))
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), hash)) found = key;
        return found;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) =>
        (await records.ListApiKeysAsync(ct)).Select(From).OfType<ApiKey>().ToList();

    public async Task<CreatedApiKey> CreateAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        var secret = "efk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return new CreatedApiKey(await EnsureAsync(name, secret, role, ct), secret);
    }

    public async Task<ApiKey> EnsureAsync(string name, string secret, ApiRole role, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if ((await records.ListApiKeysAsync(ct)).FirstOrDefault(k => k.Hash == hash) is { } existing)
            {
                if (From(existing) is { } key && key.Role == role) return key;
                await records.SetApiKeyRoleAsync(existing.Id, ApiPolicies.RoleName(role), ct);
                return new ApiKey(existing.Id, existing.Name, role, existing.Hash, existing.CreatedAt);
            }
            var record = new ApiKeyRecord
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Name = name, Role = ApiPolicies.RoleName(role), Hash = hash,
                CreatedAt = time.GetUtcNow()
            };
            if (await records.TryAddApiKeyAsync(record, ct)) return From(record)!;
        }
        throw new InvalidOperationException($"the API key '{name}' could not be stored: its id or hash kept colliding");
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) => records.DeleteApiKeyAsync(id, ct);

    /// <summary>The key of a record; null for a role this server does not know (such a key lets nobody in).</summary>
    private static ApiKey? From(ApiKeyRecord record) =>
        Enum.TryParse<ApiRole>(record.Role, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? new ApiKey(record.Id, record.Name, role, record.Hash, record.CreatedAt)
            : null;
}
