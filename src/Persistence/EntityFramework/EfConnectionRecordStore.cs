using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>Named connections in the connections table, keyed by the lower-case name so one insert of a name wins across nodes.</summary>
public sealed class EfConnectionRecordStore(Func<ElsaFlowDbContext> createContext) : IConnectionRecordStore
{
    public async Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken ct = default)
    {
        await using var db = createContext();
        var rows = await db.Connections.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(c => c.Key, StringComparer.Ordinal).Select(ToRecord).ToList();
    }

    public async Task<ConnectionRecord?> GetConnectionAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var db = createContext();
        var key = Key(name);
        var row = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        return row is null ? null : ToRecord(row);
    }

    public async Task<bool> TryAddConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var db = createContext();
        db.Connections.Add(new ConnectionEntity
        {
            Key = Key(connection.Name), Name = connection.Name, Kind = connection.Kind,
            ProtectedConnectionString = connection.ProtectedConnectionString, OptionsJson = connection.OptionsJson,
            CreatedAt = connection.CreatedAt, UpdatedAt = connection.UpdatedAt,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = createContext();
            var key = Key(connection.Name);
            if (await check.Connections.AnyAsync(c => c.Key == key, ct)) return false;
            throw;
        }
    }

    public async Task<bool> UpdateConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var db = createContext();
        var key = Key(connection.Name);
        return await db.Connections.Where(c => c.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Kind, connection.Kind)
            .SetProperty(c => c.ProtectedConnectionString, connection.ProtectedConnectionString)
            .SetProperty(c => c.OptionsJson, connection.OptionsJson)
            .SetProperty(c => c.UpdatedAt, connection.UpdatedAt), ct) == 1;
    }

    public async Task<bool> DeleteConnectionAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var db = createContext();
        var key = Key(name);
        return await db.Connections.Where(c => c.Key == key).ExecuteDeleteAsync(ct) == 1;
    }

    internal static string Key(string name) => name.ToLowerInvariant();

    private static ConnectionRecord ToRecord(ConnectionEntity c) => new()
    {
        Name = c.Name, Kind = c.Kind, ProtectedConnectionString = c.ProtectedConnectionString, OptionsJson = c.OptionsJson,
        CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
    };
}
