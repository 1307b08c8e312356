using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Reads a table or a query from MySQL or MariaDB into the workspace (MySqlConnector, streamed through the appender).</summary>
[Activity(Category = "Inputs", Description = "Read a table or query from a MySQL or MariaDB server")]
public sealed class MySqlInput : DatabaseServerInput
{
    internal override DatabaseDialect Dialect => MySqlDialect.Instance;
}
