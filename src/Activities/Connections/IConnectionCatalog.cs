namespace ElsaFlow.Activities.Connections;

/// <summary>
/// Where activities look a named connection up. The server reads its store (secrets decrypted only here), the CLI its
/// connections file; with neither there are no named connections and activities take a <c>connectionString</c>.
/// </summary>
public interface IConnectionCatalog
{
    /// <summary>The connection called <paramref name="name"/> (names are case-insensitive), or null when there is none.</summary>
    ValueTask<NamedConnection?> FindAsync(string name, CancellationToken ct = default);
}
