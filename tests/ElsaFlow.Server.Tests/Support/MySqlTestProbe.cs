using ElsaFlow.Activities.Connections;
using MySqlConnector;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>
/// A probe on the real MariaDB of the test run, standing in for the database clients' own probes (built apart): opens
/// the connection and asks for the version, failing as <see cref="IConnectionProbe"/> says. Its kind is its own, so the
/// tests hold whichever probes the clients register.
/// </summary>
public sealed class MySqlTestProbe : IConnectionProbe
{
    public const string Kind = "mysql-test";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

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
