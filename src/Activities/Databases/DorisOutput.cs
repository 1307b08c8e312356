using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>Writes the dataset into an Apache Doris table over its MySQL protocol (LOAD DATA LOCAL); upsert on a Unique Key table.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset into an Apache Doris table (insert, upsert, overwrite or merge)")]
public sealed class DorisOutput : DatabaseServerOutput
{
    internal override DatabaseDialect Dialect => DorisDialect.Instance;
    internal override TableWriter? Writer { get; } = new DorisWriter();
}
