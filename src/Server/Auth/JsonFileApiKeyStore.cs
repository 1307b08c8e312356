using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaFlow.Server.Auth;

/// <summary>API keys in one JSON file (<c>api-keys.json</c> in the data folder) holding SHA-256 hashes, never secrets.</summary>
public sealed class JsonFileApiKeyStore(string path) : IApiKeyStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<ApiKey>? _keys;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default)
    {
        var hash = Encoding.ASCII.GetBytes(Hash(secret));
        var keys = await ListAsync(ct);
        return keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), hash));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try { return (await LoadAsync(ct)).ToList(); }
        finally { _gate.Release(); }
    }

    public async Task<CreatedApiKey> CreateAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        var secret = "efk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return new CreatedApiKey(await EnsureAsync(name, secret, role, ct), secret);
    }

    public async Task<ApiKey> EnsureAsync(string name, string secret, ApiRole role, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        await _gate.WaitAsync(ct);
        try
        {
            var keys = await LoadAsync(ct);
            var key = new ApiKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, role, hash, DateTimeOffset.UtcNow);
            var existing = keys.FindIndex(k => k.Hash == hash);
            if (existing >= 0)
            {
                if (keys[existing].Role == role) return keys[existing];
                key = keys[existing] with { Role = role };
                keys[existing] = key;
            }
            else keys.Add(key);
            await SaveAsync(keys, ct);
            return key;
        }
        finally { _gate.Release(); }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var keys = await LoadAsync(ct);
            if (keys.RemoveAll(k => k.Id == id) == 0) return false;
            await SaveAsync(keys, ct);
            return true;
        }
        finally { _gate.Release(); }
    }

    private async Task<List<ApiKey>> LoadAsync(CancellationToken ct)
    {
        if (_keys is not null) return _keys;
        if (!File.Exists(path)) return _keys = [];
        await using var stream = File.OpenRead(path);
        return _keys = await JsonSerializer.DeserializeAsync<List<ApiKey>>(stream, Json, ct) ?? [];
    }

    private async Task SaveAsync(List<ApiKey> keys, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(keys, Json), ct);
        File.Move(temp, path, overwrite: true);
    }
}
