using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Splits rows by how often their key occurs: rows whose key occurs once go to Done, every row of a repeated key
/// goes to Duplicates. Keys are all columns when none are given. Both results are tables.
/// </summary>
[Activity(Category = "Transforms", Description = "Rows whose key occurs once on Done, rows with a repeated key on Duplicates",
    Outcomes = [DonePort, DuplicatesPort])]
public sealed class Unique : DataActivity
{
    public const string DonePort = "Done";
    public const string DuplicatesPort = "Duplicates";
    private const string Count = "__elsaflow_count";

    [Input(Description = "Key columns; all columns when empty")]
    public Input<List<string>> Keys { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var keys = Columns.Require(input, context.Get(Keys), "keys");
        if (keys.Count == 0) keys = input.Columns.Select(c => c.Name).ToList();
        var count = SqlText.Identifier(Count);
        var counted = await context.TableAsync(
            $"SELECT *, count(*) OVER (PARTITION BY {SqlText.Identifiers(keys)}) AS {count} FROM {DataContext.From(input)}", "counted");
        try
        {
            var from = DataContext.From(counted);
            var unique = await context.TableAsync($"SELECT * EXCLUDE ({count}) FROM {from} WHERE {count} = 1");
            var duplicates = await context.TableAsync($"SELECT * EXCLUDE ({count}) FROM {from} WHERE {count} > 1", "duplicates");
            return DataResult.Of((DonePort, unique), (DuplicatesPort, duplicates));
        }
        finally
        {
            await context.Workspace.ExecuteAsync($"DROP TABLE IF EXISTS {DataContext.From(counted)}", context.CancellationToken);
        }
    }
}
