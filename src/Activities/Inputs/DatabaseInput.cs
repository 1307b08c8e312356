using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>What every database-file reader takes: the file, and a table or a query.</summary>
public abstract class DatabaseInput : DataActivity
{
    [Input(Description = "Database file path, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Table (or view) to read; give this or query")]
    public Input<string> Table { get; init; } = new("");

    // Sql syntax, so ${name} placeholders in the query become quoted literals (or text inside '...'), never SQL.
    [Input(Description = "SELECT query whose rows to read, in the database's own SQL; give this or table", DefaultSyntax = "Sql", UiHint = "code:sql")]
    public Input<string> Query { get; init; } = new("");

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("table") == context.Has("query")) context.Report("table", "give either a table or a query, not both and not neither");
    }

    /// <summary>The existing file (inside the data roots) and exactly one of table or query.</summary>
    protected (string Path, string Table, string Query) Source(DataContext context)
    {
        var full = InputFiles.Existing(context, context.Get(Path));
        var (table, query) = (context.Get(Table) ?? "", context.Get(Query) ?? "");
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(query))
            throw new DataStepException("table: give either a table or a query, not both and not neither");
        return (full, table, query);
    }
}
