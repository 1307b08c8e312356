using ElsaFlow.Activities.Connections;
using MySqlConnector;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>
/// A probe for kind "mysql" on the real MariaDB of the test run, standing in for the database clients' own probes
/// (built apart): opens the connection and asks for the version, failing as <see cref="IConnectionProbe"/> says.
/// </summary>
public sealed class MySqlTestProbe : IConnectionProbe
{
    public IReadOnlyCollection<string> Kinds { get; } = ["mysql"];

    public async Task<string> ProbeAsync(NamedConnection connection, CancellationToken ct = default)
    {
        try
        {
            await using var open = new MySqlConnection(connection.ConnectionString);
            await open.OpenAsync(ct);
            await using var command = new MySqlCommand("SELECT VERSION()", open);
            return $"MySQL protocol, server {await command.ExecuteScalarAsync(ct)}";
        }
        catch (MySqlException error)
        {
            throw new ConnectionFailedException($"Connection '{connection.Name}' failed: {error.Message}", error);
        }
    }
}
