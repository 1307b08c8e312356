using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Control;

/// <summary>Reads a dataset's rows for a ForEach that iterates them (engine plumbing, not placed on a canvas).</summary>
[Activity(Type = DataReferences.ReadRowsActivity, Category = "Internal", Description = "Read the rows of a dataset for ForEach")]
public sealed class DatasetRows : CodeActivity
{
    [Input(Description = "The dataset token")] public Input<JsonObject?> Dataset { get; init; } = new();
    [Input(Description = "Guard: the most rows allowed")] public Input<int> MaxItems { get; init; } = new(10_000);

    public override async ValueTask RunAsync(ActivityContext context)
    {
        var dataset = ElsaFlow.Data.Dataset.FromToken(context.Get(Dataset))
            ?? throw new DataStepException("items: the value to iterate is not a dataset");
        var max = context.Get(MaxItems);
        await using var data = await DataContext.OpenAsync(context);
        // One row more than allowed tells "too many" without counting the whole relation.
        var rows = await data.Workspace.QueryAsync($"SELECT * FROM {DataContext.From(dataset)} LIMIT {max + 1}", context.CancellationToken);
        if (rows.Count > max)
            throw new DataStepException($"maxItems: the dataset has more than {max} rows; raise maxItems or filter it first");
        context.CompleteWith("Done", new JsonArray(rows.Select(r => (JsonNode?)r).ToArray()));
    }
}
