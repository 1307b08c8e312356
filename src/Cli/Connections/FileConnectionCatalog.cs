using ElsaFlow.Activities.Connections;
using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Cli.Connections;

/// <summary>
/// The CLI's catalog: the connections file, with <c>${VARIABLE}</c>s expanded when a connection is looked up. The
/// secrets of what it hands out join <see cref="KnownSecrets"/>, so they are redacted from whatever the activity reports.
/// </summary>
public sealed class FileConnectionCatalog(ConnectionsFile file, KnownSecrets secrets) : IConnectionCatalog
{
    public ValueTask<NamedConnection?> FindAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = file.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        return ValueTask.FromResult(entry is null ? null : Expand(entry).Known(secrets));
    }

    private NamedConnection Expand(ConnectionEntry entry)
    {
        var missing = new List<string>();
        string Value(string text)
        {
            var expanded = EnvironmentVariables.Expand(text, out var unset);
            missing.AddRange(unset);
            return expanded;
        }
        var connection = new NamedConnection(entry.Name!, entry.Kind!, Value(entry.ConnectionString!),
            (entry.Options ?? []).ToDictionary(o => o.Key, o => Value(o.Value)));
        if (missing.Count > 0)
            throw new ConnectionFailedException(
                $"Connection '{entry.Name}' in {file.Path} uses {string.Join(", ", missing.Distinct().Select(v => "${" + v + "}"))}, which is not set in the environment");
        return connection;
    }
}
