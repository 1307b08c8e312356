using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Outputs;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Base of the outputs that write to a database server (MySqlOutput, PostgresOutput...): where to connect, the table,
/// the mode and the batch size. Rows go through the server's bulk path in batches, a transaction each (insert, upsert)
/// or one transaction for the whole write (overwrite, merge); a missing table is created from the dataset's columns.
/// </summary>
public abstract class DatabaseServerOutput : OutputActivity
{
    [Input(Description = "Name of a saved connection (its kind must match); give this or connectionString")]
    public Input<string> Connection { get; init; } = new("");

    [Input(Description = "Connection string of the server; give this or connection", Sensitive = true)]
    public Input<string> ConnectionString { get; init; } = new("");

    [Input(Description = "Table to write, optionally schema.table; created from the dataset's columns when missing", Required = true)]
    public Input<string> Table { get; init; } = new("");

    [Input(Description = "insert (append), upsert (by keys), overwrite (replace all rows in one transaction) or merge (upsert, then delete rows whose keys are not in the dataset)")]
    public Input<TableWriteMode> Mode { get; init; } = new(TableWriteMode.Insert);

    [Input(Description = "Key columns that identify a row, for upsert and merge (the primary key of a created table)")]
    public Input<List<string>> Keys { get; init; } = new([]);

    [Input(Description = "Rows per bulk batch (and per transaction for insert and upsert)")]
    public Input<int> BatchSize { get; init; } = new(10_000);

    internal abstract DatabaseDialect Dialect { get; }

    /// <summary>The server's SQL and bulk path, for outputs written through an ADO.NET client.</summary>
    internal virtual TableWriter? Writer => null;

    /// <summary>Writes the rows: through <see cref="DatabaseWrite"/> and <see cref="Writer"/> unless the server is spoken to otherwise.</summary>
    internal virtual Task<long> WriteTableAsync(DataContext context, Dataset input, TableTarget target, int batchSize, ConnectionSource source) =>
        new DatabaseWrite(context, Dialect, Writer ?? throw new InvalidOperationException($"{GetType().Name} has no table writer"), source)
            .RunAsync(input, target, batchSize);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("connection") == context.Has("connectionString"))
            context.Report("connection", "give either connection (a named connection) or connectionString, not both and not neither");
        if (context.Raw("batchSize") is { } b && b.GetValueKind() == System.Text.Json.JsonValueKind.Number && b.GetValue<double>() < 1)
            context.Report("batchSize", "give 1 or more rows per batch");
    }

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var target = TableTarget.Check(context.Get(Table), context.Get(Mode), context.Get(Keys), input);
        var batchSize = context.Get(BatchSize);
        if (batchSize < 1) throw new DataStepException("batchSize: give 1 or more rows per batch");
        var source = await ConnectionSource.ResolveAsync(context, context.Get(Connection), context.Get(ConnectionString), Dialect);
        var rows = await WriteTableAsync(context, input, target, batchSize, source);
        context.Log($"wrote {rows} rows to table {target.Table} of {source.Label} ({target.Mode.ToString().ToLowerInvariant()})");
    }
}
