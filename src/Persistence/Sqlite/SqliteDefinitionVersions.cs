using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>
/// Saving and listing definition versions in plain SQL on the SQLite file: the same rows and flags as the EF path of
/// <see cref="EfWorkflowStore"/> (the store contract tests run both), without compiling EF statements on every start.
/// </summary>
public sealed class SqliteDefinitionVersions(string connectionString) : IDefinitionVersions
{
    private const string Columns = "DefinitionId, Version, Name, Description, Json, IsPublished, IsLatest, SourcePath, CreatedAt, UpdatedAt";

    public async Task<StoredDefinition> SaveAsync(StoredDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var id = definition.DefinitionId;
        if (definition.IsPublished)
            await ExecuteAsync(connection, transaction, "UPDATE definitions SET IsPublished = 0 WHERE DefinitionId = $id AND IsPublished = 1", ct, ("$id", id));
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO definitions ({Columns}) VALUES ($id, $version, $name, $description, $json, $published, $latest, $source, $created, $updated) " +
            "ON CONFLICT (DefinitionId, Version) DO UPDATE SET Name = excluded.Name, Description = excluded.Description, Json = excluded.Json, " +
            "IsPublished = excluded.IsPublished, IsLatest = excluded.IsLatest, SourcePath = excluded.SourcePath, " +
            "CreatedAt = excluded.CreatedAt, UpdatedAt = excluded.UpdatedAt", ct,
            ("$id", id), ("$version", definition.Version), ("$name", definition.Name), ("$description", definition.Description),
            ("$json", definition.Json), ("$published", definition.IsPublished), ("$latest", definition.IsLatest), ("$source", definition.SourcePath),
            ("$created", definition.CreatedAt.UtcTicks), ("$updated", definition.UpdatedAt.UtcTicks));
        await using var max = Command(connection, transaction, "SELECT max(Version) FROM definitions WHERE DefinitionId = $id", ("$id", id));
        var latest = Convert.ToInt32(await max.ExecuteScalarAsync(ct));
        await ExecuteAsync(connection, transaction, "UPDATE definitions SET IsLatest = (Version = $latest) WHERE DefinitionId = $id", ct, ("$id", id), ("$latest", latest));
        await transaction.CommitAsync(ct);
        return definition with { IsLatest = definition.Version == latest };
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListAsync(string definitionId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM definitions WHERE DefinitionId = $id ORDER BY Version", ("$id", definitionId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<StoredDefinition>();
        while (await reader.ReadAsync(ct))
            versions.Add(new StoredDefinition
            {
                DefinitionId = reader.GetString(0), Version = reader.GetInt32(1),
                Name = reader.IsDBNull(2) ? null : reader.GetString(2), Description = reader.IsDBNull(3) ? null : reader.GetString(3),
                Json = reader.GetString(4), IsPublished = reader.GetBoolean(5), IsLatest = reader.GetBoolean(6),
                SourcePath = reader.IsDBNull(7) ? null : reader.GetString(7),
                CreatedAt = new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero), UpdatedAt = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero)
            });
        return versions;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        SqlitePragmaInterceptor.Apply(connection);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
