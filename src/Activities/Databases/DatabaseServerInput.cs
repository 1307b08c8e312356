using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Expressions;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Base of the inputs that read from a database server (MySqlInput, PostgresInput...): where to connect, a table or a
/// query whose <c>${name}</c> placeholders are sent as command parameters, and an optional parallel read split on a
/// whole-number key. The subclass only names its dialect.
/// </summary>
public abstract class DatabaseServerInput : DataActivity
{
    [Input(Description = "Name of a saved connection (its kind must match); give this or connectionString")]
    public Input<string> Connection { get; init; } = new("");

    [Input(Description = "Connection string of the server; give this or connection", Sensitive = true)]
    public Input<string> ConnectionString { get; init; } = new("");

    [Input(Description = "Table (or view) to read, optionally schema.table; give this or query")]
    public Input<string> Table { get; init; } = new("");

    // ${name} placeholders stay in the text and travel with their values: they are bound as command parameters.
    [Input(Description = "SELECT query in the server's SQL; ${name} placeholders are sent as parameters; give this or table",
        DefaultSyntax = ExpressionTypes.SqlParameters, UiHint = "code:sql")]
    public Input<string> Query { get; init; } = new("");

    [Input(Description = "Whole-number column to split a parallel read on (as DataX's splitPk)")]
    public Input<string> SplitColumn { get; init; } = new("");

    [Input(Description = "Readers in parallel, each on its own connection and key range (needs splitColumn)")]
    public Input<int> Parallelism { get; init; } = new(1);

    internal abstract DatabaseDialect Dialect { get; }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("connection") == context.Has("connectionString"))
            context.Report("connection", "give either connection (a named connection) or connectionString, not both and not neither");
        if (context.Has("table") == context.Has("query")) context.Report("table", "give either a table or a query, not both and not neither");
        if (context.Raw("parallelism") is { } p && p.GetValueKind() == System.Text.Json.JsonValueKind.Number && p.GetValue<double>() is var n)
        {
            if (n < 1) context.Report("parallelism", "give 1 or more readers");
            else if (n > 1 && !context.Has("splitColumn")) context.Report("splitColumn", "a parallel read needs the whole-number column to split on");
        }
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var source = await ConnectionSource.ResolveAsync(context, context.Get(Connection), context.Get(ConnectionString), Dialect);
        var parallelism = context.Get(Parallelism);
        if (parallelism < 1) throw new DataStepException("parallelism: give 1 or more readers");
        var split = context.Get(SplitColumn);
        if (parallelism > 1 && string.IsNullOrWhiteSpace(split)) throw new DataStepException("splitColumn: a parallel read needs the whole-number column to split on");
        return DataResult.Done(await ReadAsync(context, source, Source(context), split, parallelism));
    }

    /// <summary>Reads the rows into the workspace: through the ADO.NET client (<see cref="DatabaseRead"/>) unless the server is spoken to otherwise.</summary>
    internal virtual Task<ElsaFlow.Data.Dataset> ReadAsync(DataContext context, ConnectionSource source, BoundQuery query, string? split, int parallelism) =>
        new DatabaseRead(context, Dialect, source).RunAsync(query, split, parallelism);

    private BoundQuery Source(DataContext context)
    {
        var table = context.Get(Table) ?? "";
        var (sql, values) = SqlParameterQuery.Read(context.Get(Query));
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(sql))
            throw new DataStepException("table: give either a table or a query, not both and not neither");
        if (table.Length > 0) return new BoundQuery($"SELECT * FROM {Dialect.QuoteTable(table)}", []);
        return BoundQuery.Bind(sql.Trim().TrimEnd(';'), values, Dialect);
    }
}
