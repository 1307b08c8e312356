using System.Text.Json;
using System.Text.Json.Serialization;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Hosting;

namespace ElsaFlow.Server.Auth;

/// <summary>
/// Moves the keys of a server that kept them in <c>api-keys.json</c> (data folder) into the store, once, so their
/// holders keep working: only into a store that holds no key yet, and the file is then renamed to
/// <c>api-keys.json.imported</c>. A key file that turns up later is never read (a warning says so), so writing one
/// cannot make a key.
/// </summary>
internal sealed class ApiKeyFileImport(IApiKeyRecordStore records, ServerOptions options, ILogger<ApiKeyFileImport> logger)
{
    public const string ImportedSuffix = ".imported";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task ImportAsync(CancellationToken ct)
    {
        var path = options.ApiKeysPath;
        if (!File.Exists(path)) return;
        if ((await records.ListApiKeysAsync(ct)).Count > 0)
        {
            logger.LogWarning("{Path} is not imported: the store already holds API keys, and a key file is only imported into an empty store, once. Delete the file", path);
            return;
        }
        List<ApiKey> keys;
        await using (var stream = File.OpenRead(path))
            keys = await JsonSerializer.DeserializeAsync<List<ApiKey>>(stream, Json, ct) ?? [];
        var imported = 0;
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k.Id) && k.Hash is { Length: 64 }))
            if (await records.TryAddApiKeyAsync(new ApiKeyRecord
                {
                    Id = key.Id, Name = key.Name ?? key.Id, Role = ApiPolicies.RoleName(key.Role), Hash = key.Hash.ToLowerInvariant(), CreatedAt = key.CreatedAt
                }, ct))
                imported++;
        File.Move(path, path + ImportedSuffix, overwrite: true);
        logger.LogInformation("Imported {Count} API keys from {Path} into the store; the file is renamed to {Imported}", imported, path, path + ImportedSuffix);
    }
}
