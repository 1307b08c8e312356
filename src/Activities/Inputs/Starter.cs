using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Marks where a flow starts (NiceFlow's Starter); its token is the workflow's inputs.</summary>
[Activity(Category = "Inputs", Description = "Start of a flow; passes the workflow inputs on")]
public sealed class Starter : CodeActivity
{
    public override ValueTask RunAsync(ActivityContext context)
    {
        context.CompleteWith("Done", context.Incoming?.DeepClone() ?? context.WorkflowInputs.DeepClone());
        return ValueTask.CompletedTask;
    }
}
