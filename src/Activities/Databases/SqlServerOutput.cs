using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Writes the dataset into a SQL Server table through SqlBulkCopy; upsert and merge by keys (MERGE from a #temp table).</summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a Microsoft SQL Server table (insert, upsert, overwrite or merge)")]
public sealed class SqlServerOutput : DatabaseServerOutput
{
    internal override DatabaseDialect Dialect => SqlServerDialect.Instance;
    internal override TableWriter? Writer { get; } = new SqlServerWriter();
}
