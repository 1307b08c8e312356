using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Activities.Connections;

/// <summary>
/// What every catalog does with a connection it hands out: its secrets join the process's <see cref="KnownSecrets"/>,
/// so whatever an activity derives from it (a client's error message, a log line) is redacted before it is recorded.
/// </summary>
public static class CatalogedConnections
{
    public static NamedConnection? Known(this NamedConnection? connection, KnownSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (connection is not null) secrets.Add(ConnectionStrings.Secrets(connection.ConnectionString));
        return connection;
    }
}
