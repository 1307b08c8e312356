using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Reads a table or a query from Apache Doris over its MySQL protocol (the frontend's query port).</summary>
[Activity(Category = "Inputs", Description = "Read a table or query from Apache Doris (MySQL protocol)")]
public sealed class DorisInput : DatabaseServerInput
{
    internal override DatabaseDialect Dialect => DorisDialect.Instance;
}
