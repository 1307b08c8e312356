namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// The port an edge leaves its node from. IF/While: True goes to the first successor (edge order) that is not
/// false_step, False to false_step; the other successors never run in NiceFlow. For: Done to finish_step, Iterate to
/// every other successor. Anything else: Done.
/// </summary>
internal static class NiceFlowPorts
{
    /// <summary>The port, or null when NiceFlow never follows this edge.</summary>
    public static string? Of(NiceFlowNode from, string to)
    {
        var falseStep = from.Properties["false_step"]?.GetValue<string>();
        switch (from.Plugin)
        {
            case "IF" or "While":
                if (to == falseStep) return "False";
                return from.Next.First(n => n != falseStep) == to ? "True" : null;
            case "For":
                return to == from.Properties["finish_step"]?.GetValue<string>() ? "Done" : "Iterate";
            default:
                return "Done";
        }
    }
}
