namespace ElsaFlow.Activities.Connections;

/// <summary>The catalog when nothing configured one: every name is unknown.</summary>
public sealed class NoConnections : IConnectionCatalog
{
    public ValueTask<NamedConnection?> FindAsync(string name, CancellationToken ct = default) => ValueTask.FromResult<NamedConnection?>(null);
}
