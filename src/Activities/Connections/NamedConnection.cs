namespace ElsaFlow.Activities.Connections;

/// <summary>
/// A database or service connection kept under a name, so flows say <c>"connection": "warehouse"</c> and never hold the
/// password. <see cref="Kind"/> is the client to use (mysql, postgres, doris, clickhouse, sqlserver, ...); the
/// connection string is the secret part and must never be shown, logged or put in an error message.
/// </summary>
public sealed record NamedConnection(string Name, string Kind, string ConnectionString, IReadOnlyDictionary<string, string> Options);
