using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Reads a table or a query from PostgreSQL into the workspace (Npgsql, streamed through the appender).</summary>
[Activity(Category = "Inputs", Description = "Read a table or query from a PostgreSQL server")]
public sealed class PostgresInput : DatabaseServerInput
{
    internal override DatabaseDialect Dialect => PostgresDialect.Instance;
}
