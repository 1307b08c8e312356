using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Support;

/// <summary>Status assertions that show the instance's error when they fail.</summary>
public static class ResultAssert
{
    public static void Status(WorkflowStatus expected, WorkflowRunResult result) =>
        Assert.True(expected == result.Status, $"expected {expected} but was {result.Status}: {result.Error} (activity {result.FaultedActivityId})");
}
