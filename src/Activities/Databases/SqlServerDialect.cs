using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ElsaFlow.Activities.Databases;

/// <summary>Microsoft SQL Server (and Azure SQL) through Microsoft.Data.SqlClient.</summary>
internal sealed class SqlServerDialect : DatabaseDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override string Product => "SQL Server";
    public override IReadOnlyCollection<string> Kinds { get; } = ["sqlserver", "mssql"];

    public override DbConnection Connect(string connectionString) =>
        new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public override IEnumerable<string> Secrets(string connectionString) => [new SqlConnectionStringBuilder(connectionString).Password];

    public override string Quote(string name) => "[" + name.Replace("]", "]]") + "]";

    public override string Limit(string select, int rows) => $"SELECT TOP ({rows}) * FROM ({select}) AS elsaflow_preview";
}
