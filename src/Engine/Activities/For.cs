using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs the body reached from Iterate once per number from <c>from</c> to <c>to</c> (inclusive), then Done.</summary>
[Activity(Category = "Loops", Description = "Run the Iterate body for each number from 'from' to 'to' (inclusive), then follow Done",
    Outcomes = [Ports.Iterate, Ports.Done])]
public sealed class For : ControlActivity
{
    [Input(Description = "First value")] public Input<long> From { get; init; } = new(0);
    [Input(Description = "Last value (inclusive)", Required = true)] public Input<long> To { get; init; } = new();
    [Input(Description = "Added after each iteration; negative counts down")] public Input<long> Step { get; init; } = new(1);
    [Input(Description = "Guard: the most iterations allowed")] public Input<int> MaxIterations { get; init; } = new(10_000);

    public override void Execute(ControlContext context)
    {
        long from = context.Get(From), to = context.Get(To), step = context.Get(Step);
        if (step == 0) { context.Fault("step: must not be 0"); return; }
        var count = step > 0 ? (to - from) / step + 1 : (from - to) / -step + 1;
        if (count > context.Get(MaxIterations))
        {
            context.Fault($"maxIterations: the loop would run {count} times, more than maxIterations {context.Get(MaxIterations)}");
            return;
        }
        context.State["step"] = step;
        context.State["to"] = to;
        Next(context, from, 0);
    }

    public override void OnBodyCompleted(ControlContext context, BodyCompletion completion)
    {
        if (completion.Broken) { context.Complete(); return; }
        var value = completion.Item!.GetValue<long>() + context.State["step"]!.GetValue<long>();
        Next(context, value, completion.Index + 1);
    }

    private static void Next(ControlContext context, long value, long index)
    {
        long step = context.State["step"]!.GetValue<long>(), to = context.State["to"]!.GetValue<long>();
        if (step > 0 ? value <= to : value >= to) context.Iterate(JsonValue.Create(value), index);
        else context.Complete();
    }
}
