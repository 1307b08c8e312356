namespace ElsaFlow.Activities.Connections;

/// <summary>
/// Opens a connection of one kind and checks the server answers: the "Test connection" of the API and the Studio. Each
/// database client registers one for the kinds it speaks; a kind with no probe cannot be tested (and says so).
/// </summary>
public interface IConnectionProbe
{
    /// <summary>The kinds this probe opens (mysql, postgres, ...), lower case.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>
    /// Connects and runs a trivial query; throws <see cref="ConnectionFailedException"/> with a message that names the
    /// connection and the server's reason, never the connection string or its password.
    /// </summary>
    /// <returns>What the server said about itself (its version), shown on success.</returns>
    Task<string> ProbeAsync(NamedConnection connection, CancellationToken ct = default);
}
