using System.Text.Json;
using System.Text.Json.Serialization;
using ElsaFlow.Activities.Connections;

namespace ElsaFlow.Cli.Connections;

/// <summary>
/// The CLI's named connections: a JSON file, <c>.elsaflow/connections.json</c> beside the store or the one
/// <c>--connections</c> names. Its structure is checked when it is read (every problem at once); <c>${VARIABLE}</c>s are
/// expanded when a connection is used, so a variable only one connection needs is only required by flows that use it.
/// <code>
/// {"connections": [
///   {"name": "warehouse", "kind": "postgres", "connectionString": "Host=db;Username=etl;Password=${PG_PASSWORD}", "options": {"schema": "sales"}}
/// ]}
/// </code>
/// </summary>
public sealed class ConnectionsFile
{
    public const string FileName = "connections.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private ConnectionsFile(string? path, IReadOnlyList<ConnectionEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file read, or null when there is none (no named connections).</summary>
    public string? Path { get; }

    /// <summary>The connections as written (variables not yet expanded).</summary>
    public IReadOnlyList<ConnectionEntry> Entries { get; }

    public static ConnectionsFile None { get; } = new(null, []);

    /// <summary>
    /// Reads <paramref name="explicitPath"/> (which must exist) or else <paramref name="defaultPath"/> when it exists.
    /// </summary>
    public static ConnectionsFile Read(string? explicitPath, string defaultPath)
    {
        if (explicitPath is not null && !File.Exists(explicitPath)) throw CliException.Invalid($"connections file '{explicitPath}' does not exist");
        var path = System.IO.Path.GetFullPath(explicitPath ?? defaultPath);
        if (!File.Exists(path)) return None;
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException error)
        {
            throw CliException.Invalid($"connections file {path} is not valid: {error.Message}");
        }
        var entries = document?.Connections ?? [];
        var problems = Problems(entries).ToList();
        if (problems.Count > 0) throw CliException.Invalid($"connections file {path} is not valid: {string.Join("; ", problems)}");
        return new ConnectionsFile(path, entries);
    }

    private static IEnumerable<string> Problems(IReadOnlyList<ConnectionEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"connection {i + 1}" + (entry.Name is { Length: > 0 and <= ConnectionNames.MaxNameLength } ? $" ('{entry.Name}')" : "");
            if (ConnectionNames.NameProblem(entry.Name) is { } name) yield return $"{where}: {name}";
            else if (!seen.Add(entry.Name!)) yield return $"{where}: the name is given twice (names ignore case)";
            if (ConnectionNames.KindProblem(entry.Kind) is { } kind) yield return $"{where}: {kind}";
            if (string.IsNullOrEmpty(entry.ConnectionString)) yield return $"{where}: a connection needs a connectionString";
        }
    }

    private sealed record Document(List<ConnectionEntry>? Connections);
}

/// <summary>One connection of the file, as written.</summary>
public sealed record ConnectionEntry(string? Name, string? Kind, string? ConnectionString, Dictionary<string, string>? Options);
