using ElsaFlow.Activities.Connections;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// The "Test connection" of the database kinds these inputs and outputs speak: opens the connection and asks the server
/// its version. Failures name the connection and the server's reason, with its secrets blanked out.
/// </summary>
internal sealed class DatabaseProbe : IConnectionProbe
{
    private static readonly DatabaseDialect[] Dialects =
        [MySqlDialect.Instance, DorisDialect.Instance, PostgresDialect.Instance, SqlServerDialect.Instance, ClickHouseDialect.Instance];

    public IReadOnlyCollection<string> Kinds { get; } = Dialects.SelectMany(d => d.Kinds).ToList();

    public async Task<string> ProbeAsync(NamedConnection connection, CancellationToken ct = default)
    {
        var dialect = Dialects.FirstOrDefault(d => d.Kinds.Contains(connection.Kind.ToLowerInvariant()))
            ?? throw new ConnectionFailedException($"connection '{connection.Name}': kind '{connection.Kind}' is not one this probe opens ({string.Join(", ", Kinds)})");
        var source = new ConnectionSource(connection.ConnectionString, ConnectionSource.ConnectionField, $"connection '{connection.Name}'");
        try
        {
            if (dialect is ClickHouseDialect)
            {
                using var http = new ClickHouseHttp(ClickHouseHttp.Settings.Parse(connection.ConnectionString));
                return $"ClickHouse {await http.ScalarAsync("SELECT version()", ct)}";
            }
            await using var db = dialect.Connect(connection.ConnectionString);
            await db.OpenAsync(ct);
            await using var command = db.CreateCommand();
            command.CommandText = dialect is SqlServerDialect ? "SELECT @@VERSION" : "SELECT version()";
            return $"{dialect.Product} {await command.ExecuteScalarAsync(ct)}";
        }
        catch (Exception e) when (DatabaseFailure.IsDatabaseError(e) || e is HttpRequestException)
        {
            throw new ConnectionFailedException(DatabaseFailure.Wrap(e, "Test connection", "open", source, dialect).Message);
        }
    }
}
