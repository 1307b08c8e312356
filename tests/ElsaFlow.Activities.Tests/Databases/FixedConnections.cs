using ElsaFlow.Activities.Connections;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>A connection catalog holding the connections a test gives it, as the server's store or the CLI's file would.</summary>
public sealed class FixedConnections(params NamedConnection[] connections) : IConnectionCatalog
{
    public ValueTask<NamedConnection?> FindAsync(string name, CancellationToken ct = default) =>
        ValueTask.FromResult(connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)));

    public static NamedConnection Of(string name, string kind, string connectionString) =>
        new(name, kind, connectionString, new Dictionary<string, string>());
}
