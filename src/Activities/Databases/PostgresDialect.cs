using System.Data.Common;
using Npgsql;

namespace ElsaFlow.Activities.Databases;

/// <summary>PostgreSQL through Npgsql.</summary>
internal sealed class PostgresDialect : DatabaseDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Product => "PostgreSQL";
    public override IReadOnlyCollection<string> Kinds { get; } = ["postgres", "postgresql"];

    public override DbConnection Connect(string connectionString) =>
        new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public override IEnumerable<string> Secrets(string connectionString) => [new NpgsqlConnectionStringBuilder(connectionString).Password ?? ""];

    public override string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>An unconstrained or wide NUMERIC does not fit .NET's decimal: Npgsql reads it as its exact text.</summary>
    public override ReadColumn Column(DbColumn column)
    {
        var mapped = ReadColumns.Map(column);
        return mapped.DuckType == "VARCHAR" && column.DataType == typeof(decimal)
            ? mapped with { Read = (reader, i) => PostgresNumeric.Text(reader.GetStream(i)) }
            : mapped;
    }
}
