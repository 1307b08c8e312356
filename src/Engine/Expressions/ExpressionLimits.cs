namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Words for a sandbox limit that was hit. The message names the flow and activity as well as the field (the field is
/// the exception's prefix): the limit is set by the operator, so the author needs to know exactly where it bit.
/// </summary>
internal static class ExpressionLimits
{
    public static string Where(ExpressionScope scope) => (scope.DefinitionId, scope.ActivityId) switch
    {
        ({ } flow, { } activity) => $" (flow '{flow}', activity '{activity}')",
        (null, { } activity) => $" (activity '{activity}')",
        ({ } flow, null) => $" (flow '{flow}')",
        _ => ""
    };

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.##} MB";

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";
}
