using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Reads a table or a query from Microsoft SQL Server into the workspace (Microsoft.Data.SqlClient, streamed through the appender).</summary>
[Activity(Category = "Inputs", Description = "Read a table or query from a Microsoft SQL Server")]
public sealed class SqlServerInput : DatabaseServerInput
{
    internal override DatabaseDialect Dialect => SqlServerDialect.Instance;
}
