using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Writes the dataset into a MySQL or MariaDB table through LOAD DATA LOCAL (MySqlBulkCopy); upsert and merge by keys.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a MySQL or MariaDB table (insert, upsert, overwrite or merge)")]
public sealed class MySqlOutput : DatabaseServerOutput
{
    internal override DatabaseDialect Dialect => MySqlDialect.Instance;
    internal override TableWriter? Writer { get; } = new MySqlWriter(MySqlDialect.Instance);
}
