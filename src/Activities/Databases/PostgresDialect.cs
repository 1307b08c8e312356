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
}
