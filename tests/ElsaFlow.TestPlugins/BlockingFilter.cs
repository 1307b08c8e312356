using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.TestPlugins;

/// <summary>
/// A data step that writes a signal file, blocks while a marker file exists, then keeps the rows matching a condition
/// as a table: the data crash test kills the process at that point, with the steps before it durable in the workspace.
/// </summary>
[Activity(Type = "BlockingFilter", Category = "Test", Description = "Signal, block while a marker file exists, then filter the rows")]
public sealed class BlockingFilter : DataActivity
{
    [Input(Description = "File written when the step starts", Required = true)]
    public Input<string> Signal { get; init; } = new("");

    [Input(Description = "While this file exists the step blocks", Required = true)]
    public Input<string> Block { get; init; } = new("");

    [Input(Description = "SQL predicate over the input's columns", DefaultSyntax = "Sql")]
    public Input<string> Condition { get; init; } = new("true");

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        await File.AppendAllTextAsync(context.Get(Signal), $"attempt {context.Activity.Attempt}{Environment.NewLine}", context.CancellationToken);
        if (File.Exists(context.Get(Block)))
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return DataResult.Done(await context.TableAsync($"SELECT * FROM {DataContext.From(input)} WHERE ({context.Get(Condition)}\n)"));
    }
}
