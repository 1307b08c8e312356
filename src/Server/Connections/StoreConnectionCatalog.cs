using System.Text.Json;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Connections;

/// <summary>
/// The server's catalog: named connections from the store, decrypted here only. Each lookup reads the store, so a
/// connection saved or changed on one node is what every node's next activity uses. The secrets of what it hands out
/// join <see cref="KnownSecrets"/>, so they are redacted from whatever the activity reports.
/// </summary>
public sealed class StoreConnectionCatalog(IConnectionRecordStore store, ConnectionProtector protector, KnownSecrets secrets) : IConnectionCatalog
{
    public async ValueTask<NamedConnection?> FindAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ConnectionNames.NameProblem(name) is not null) return null;
        if (await store.GetConnectionAsync(name, ct) is not { } record) return null;
        try
        {
            return Open(record).Known(secrets);
        }
        catch (ConnectionSecretUnreadableException error)
        {
            throw new ConnectionFailedException(error.Message, error);
        }
    }

    /// <summary>The connection a record describes, its secret decrypted.</summary>
    public NamedConnection Open(ConnectionRecord record) =>
        new(record.Name, record.Kind, protector.Unprotect(record.Name, record.ProtectedConnectionString), Options(record));

    public static IReadOnlyDictionary<string, string> Options(ConnectionRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(record.OptionsJson) ?? [];
}
