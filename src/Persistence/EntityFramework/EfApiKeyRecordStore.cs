using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>API keys in the api_keys table; the unique index on the hash lets one insert of a secret win across nodes.</summary>
public sealed class EfApiKeyRecordStore(Func<ElsaFlowDbContext> createContext) : IApiKeyRecordStore
{
    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken ct = default)
    {
        await using var db = createContext();
        var rows = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Select(k => new ApiKeyRecord { Id = k.Id, Name = k.Name, Role = k.Role, Hash = k.Hash, CreatedAt = k.CreatedAt }).ToList();
    }

    public async Task<bool> TryAddApiKeyAsync(ApiKeyRecord key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = createContext();
        db.ApiKeys.Add(new ApiKeyEntity { Id = key.Id, Name = key.Name, Role = key.Role, Hash = key.Hash, CreatedAt = key.CreatedAt });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = createContext();
            if (await check.ApiKeys.AnyAsync(k => k.Id == key.Id || k.Hash == key.Hash, ct)) return false;
            throw;
        }
    }

    public async Task<bool> SetApiKeyRoleAsync(string id, string role, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.Role, role), ct) == 1;
    }

    public async Task<bool> DeleteApiKeyAsync(string id, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await db.ApiKeys.Where(k => k.Id == id).ExecuteDeleteAsync(ct) == 1;
    }
}
