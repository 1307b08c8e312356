namespace ElsaFlow.Persistence;

/// <summary>Which store to open, e.g. from configuration section "Store": { "Provider": "Postgres", "ConnectionString": "..." }.</summary>
public sealed record StoreOptions
{
    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;

    /// <summary>The provider's connection string; for SQLite "Data Source=path/elsaflow.db".</summary>
    public string ConnectionString { get; init; } = "";
}
