using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Writes the dataset into a PostgreSQL table through binary COPY; upsert and merge by keys (ON CONFLICT).</summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a PostgreSQL table (insert, upsert, overwrite or merge)")]
public sealed class PostgresOutput : DatabaseServerOutput
{
    internal override DatabaseDialect Dialect => PostgresDialect.Instance;
    internal override TableWriter? Writer { get; } = new PostgresWriter();
}
