using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs the body reached from Iterate once per item (<c>item</c>, <c>index</c>), several at a time with <c>parallelism</c>.</summary>
[Activity(Category = "Loops", Description = "Run the Iterate body once per item of a list, optionally several at a time",
    Outcomes = [Ports.Iterate, Ports.Done])]
public sealed class ForEach : ControlActivity
{
    [Input(Description = "The list to iterate (an expression, a JSON array, or a dataset whose rows become row.<column>)", Required = true)]
    public Input<JsonNode?> Items { get; init; } = new();

    [Input(Description = "How many iterations may run at the same time")]
    public Input<int> Parallelism { get; init; } = new(1);

    [Input(Description = "Guard: the most items allowed")]
    public Input<int> MaxItems { get; init; } = new(10_000);

    [Input(Description = "Done carries the list of what each iteration sent back to the loop's In (in item order): the datasets of the iterations, for a Union")]
    public Input<bool> Collect { get; init; } = new(false);

    public override void Execute(ControlContext context)
    {
        var value = context.Get(Items);
        if (DataReferences.IsDataset(value))
        {
            // Rows live in the data plane: a code activity reads them, then iteration starts in OnCodeCompleted.
            context.RunCode(DataReferences.ReadRowsActivity, new JsonObject { ["dataset"] = value!.DeepClone(), ["maxItems"] = context.Get(MaxItems) });
            return;
        }
        Start(context, value switch
        {
            JsonArray array => array,
            null => [],
            var single => new JsonArray(single.DeepClone())
        });
    }

    public override void OnCodeCompleted(ControlContext context, CodeResult result) =>
        Start(context, result.Token as JsonArray ?? []);

    private void Start(ControlContext context, JsonArray items)
    {
        if (items.Count > context.Get(MaxItems))
        {
            context.Fault($"maxItems: {items.Count} items are more than maxItems {context.Get(MaxItems)}");
            return;
        }
        var parallelism = Math.Max(1, context.Get(Parallelism));
        context.State["items"] = items.Parent is null ? items : items.DeepClone();
        context.State["next"] = 0;
        context.State["active"] = 0;
        if (context.Get(Collect)) context.State["results"] = new JsonObject();
        for (var i = 0; i < parallelism && StartNext(context); i++) { }
        if (items.Count == 0) Finish(context);
    }

    public override void OnBodyCompleted(ControlContext context, BodyCompletion completion)
    {
        if (context.State["results"] is JsonObject results && completion.Result is not null)
            results[completion.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = completion.Result.DeepClone();
        if (completion.Broken) { Finish(context); return; }
        context.State["active"] = context.State["active"]!.GetValue<int>() - 1;
        if (!StartNext(context) && context.State["active"]!.GetValue<int>() == 0) Finish(context);
    }

    /// <summary>Done with the incoming token, or with what the iterations sent back, in item order, when collecting.</summary>
    private static void Finish(ControlContext context)
    {
        if (context.State["results"] is not JsonObject results)
        {
            context.Complete();
            return;
        }
        var ordered = results.OrderBy(r => long.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(r => r.Value?.DeepClone());
        context.Complete(token: new JsonArray(ordered.ToArray()));
    }

    private static bool StartNext(ControlContext context)
    {
        var items = (JsonArray)context.State["items"]!;
        var next = context.State["next"]!.GetValue<int>();
        if (next >= items.Count) return false;
        context.Iterate(items[next]?.DeepClone(), next);
        context.State["next"] = next + 1;
        context.State["active"] = context.State["active"]!.GetValue<int>() + 1;
        return true;
    }
}
