using ElsaFlow.TestServers;
using MySqlConnector;
using Npgsql;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>One private MariaDB (MySQL and Doris protocol) and one PostgreSQL for the database tests of the run.</summary>
public sealed class DatabaseServers : IAsyncLifetime
{
    public MariaDbServer MariaDb { get; } = new();
    public PostgresServer Postgres { get; } = new();

    public async Task InitializeAsync() => await Task.WhenAll(MariaDb.InitializeAsync(), Postgres.InitializeAsync());

    public async Task DisposeAsync()
    {
        await MariaDb.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>A new, empty MariaDB database; its connection string.</summary>
    public async Task<string> NewMySqlDatabaseAsync()
    {
        var connectionString = MariaDb.NewDatabase();
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "";
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    public Task<string> NewPostgresDatabaseAsync() => Postgres.CreateDatabaseAsync();

    public static async Task MySqlAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task PostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of a query as text lines, columns joined by '|', NULL as ∅, in the query's order.</summary>
    public static async Task<List<string>> MySqlRowsAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return await RowsAsync(connection.CreateCommand(), sql);
    }

    public static async Task<List<string>> PostgresRowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await RowsAsync(connection.CreateCommand(), sql);
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbCommand command, string sql)
    {
        await using var _ = command;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅"
                : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseServers>
{
    public const string Name = "Database servers";
}
