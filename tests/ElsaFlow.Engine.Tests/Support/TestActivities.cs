using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>Fails its first <c>failTimes</c> calls (counted per key across attempts and instance retries).</summary>
[Activity(Type = "Flaky", Category = "Test", Description = "Fail the first calls")]
public sealed class Flaky : CodeActivity
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    [Input] public Input<int> FailTimes { get; init; } = new(0);
    [Input] public Input<string> Key { get; init; } = new("");

    public override ValueTask RunAsync(ActivityContext context)
    {
        var calls = Calls.AddOrUpdate(context.Get(Key), 1, (_, n) => n + 1);
        if (calls <= context.Get(FailTimes)) throw new InvalidOperationException($"attempt {context.Attempt} failed");
        context.CompleteWith("Done", JsonValue.Create(context.Attempt));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Waits until <c>parties</c> executions with the same key are inside it at once: proof that they overlap.</summary>
[Activity(Type = "Barrier", Category = "Test", Description = "Wait until all parties are inside")]
public sealed class BarrierActivity : CodeActivity
{
    private static readonly ConcurrentDictionary<string, Barrier> Barriers = new();

    [Input] public Input<int> Parties { get; init; } = new(2);
    [Input] public Input<string> Key { get; init; } = new("");

    public override ValueTask RunAsync(ActivityContext context)
    {
        var barrier = Barriers.GetOrAdd(context.Get(Key), _ => new Barrier(context.Get(Parties)));
        if (!barrier.SignalAndWait(TimeSpan.FromSeconds(20)))
            throw new TimeoutException("the other branches never arrived: they did not run concurrently");
        context.CompleteWith("Done", JsonValue.Create(context.ActivityId));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Returns its <c>value</c> input as its output token.</summary>
[Activity(Type = "Emit", Category = "Test", Description = "Emit a value")]
public sealed class Emit : CodeActivity
{
    [Input] public Input<JsonNode?> Value { get; init; } = new();

    public override ValueTask RunAsync(ActivityContext context)
    {
        context.CompleteWith("Done", context.Get(Value)?.DeepClone());
        return ValueTask.CompletedTask;
    }
}

/// <summary>Blocks until the test opens its gate.</summary>
[Activity(Type = "Gate", Category = "Test", Description = "Block until opened")]
public sealed class Gate : CodeActivity
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    [Input] public Input<string> Key { get; init; } = new("");

    public override async ValueTask RunAsync(ActivityContext context)
    {
        var gate = Gates.GetOrAdd(context.Get(Key), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await gate.Task.WaitAsync(context.CancellationToken);
    }
}

/// <summary>Splits a list of numbers into Even and Odd ports, each with its own token.</summary>
[Activity(Type = "SplitParity", Category = "Test", Description = "Even and odd numbers on their own ports", Outcomes = ["Even", "Odd"])]
public sealed class SplitParity : CodeActivity
{
    [Input] public Input<List<int>> Numbers { get; init; } = new([]);

    public override ValueTask RunAsync(ActivityContext context)
    {
        var numbers = context.Get(Numbers);
        context.CompleteWith(new Dictionary<string, JsonNode?>
        {
            ["Even"] = new JsonArray(numbers.Where(n => n % 2 == 0).Select(n => (JsonNode?)n).ToArray()),
            ["Odd"] = new JsonArray(numbers.Where(n => n % 2 != 0).Select(n => (JsonNode?)n).ToArray())
        });
        return ValueTask.CompletedTask;
    }
}

/// <summary>A control activity that asks a code activity (Emit) for a value and stores it.</summary>
[Activity(Type = "AskEmit", Category = "Test", Description = "Get a value from a code activity")]
public sealed class AskEmit : ControlActivity
{
    [Input] public Input<string> Variable { get; init; } = new("");

    public override void Execute(ControlContext context) => context.RunCode("Emit", new JsonObject { ["value"] = 41 });

    public override void OnCodeCompleted(ControlContext context, CodeResult result)
    {
        context.SetVariable(context.Get(Variable), result.Token!.GetValue<int>() + 1);
        context.Complete();
    }
}
