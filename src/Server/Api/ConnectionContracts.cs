namespace ElsaFlow.Server.Api;

/// <summary>A new named connection (POST /api/connections). The connection string is written, never answered.</summary>
public sealed record CreateConnection(string? Name, string? Kind, string? ConnectionString, Dictionary<string, string>? Options);

/// <summary>A change to a connection (PUT /api/connections/{name}): a field left out (or an empty connection string) keeps its value.</summary>
public sealed record UpdateConnection(string? Kind, string? ConnectionString, Dictionary<string, string>? Options);

/// <summary>
/// A connection as the API shows it. Viewers get the name and the kind only (the rest is null); operators and admins
/// also get the redacted connection string (host, database, user; password ***), the options and the times. No answer
/// ever holds the secret.
/// </summary>
public sealed record ConnectionInfo(string Name, string Kind, string? Redacted, IReadOnlyDictionary<string, string>? Options,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>What a Test connection found: whether the server answered and what it said (its version, or why it failed).</summary>
public sealed record ConnectionTestResult(string Name, string Kind, bool Succeeded, string Message);
