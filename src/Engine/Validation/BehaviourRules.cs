using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks of the behaviours any activity may carry (retry, delay, timeout, error mode).</summary>
internal static class BehaviourRules
{
    public static void Check(ValidationScope scope, ActivityNode node)
    {
        var behaviours = node.Behaviours;
        if (behaviours.Retry is { } retry)
        {
            if (retry.Attempts < 1)
                scope.Report(node.Id, "retry.attempts", $"retry attempts must be at least 1 (the first try counts), not {retry.Attempts}");
            if (retry.Delay < TimeSpan.Zero) scope.Report(node.Id, "retry.delay", "the retry delay cannot be negative");
            if (retry.MaxDelay is { } max && max < retry.Delay)
                scope.Report(node.Id, "retry.maxDelay", $"the longest retry delay ({Duration.Format(max)}) is shorter than the retry delay ({Duration.Format(retry.Delay)})");
        }
        if (behaviours.Delay < TimeSpan.Zero) scope.Report(node.Id, "delay", "the delay cannot be negative");
        if (behaviours.Timeout <= TimeSpan.Zero) scope.Report(node.Id, "timeout", "the timeout must be longer than zero");
        if (!Enum.IsDefined(behaviours.OnError))
            scope.Report(node.Id, "onError", $"'{behaviours.OnError}' is not an error mode; use fault, continue or port");
        if (behaviours.Worker is { } worker && string.IsNullOrWhiteSpace(worker))
            scope.Report(node.Id, "worker", "the worker group is empty; leave it out to let any worker run the activity");
    }
}
