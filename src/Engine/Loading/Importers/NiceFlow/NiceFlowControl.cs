using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// NiceFlow's control plugins (FORMAT section 4). Their ports are chosen per edge by <see cref="NiceFlowPorts"/>; cycles
/// stay drawn cycles (ElsaFlow runs them, guarded by the flowchart's maxVisits).
/// </summary>
internal static class NiceFlowControl
{
    /// <summary>IF and While: a condition re-evaluated each time the node is reached; True to the body, False to false_step.</summary>
    public static IEnumerable<JsonObject> Decide(NiceFlowNodeContext c)
    {
        var a = c.Activity("If");
        if (c.RequiredText("decide") is not { } decide) yield break;
        var script = NiceFlowText.Condition(decide, out var untranslatable);
        if (untranslatable is not null) c.Refuse("decide", $"'{untranslatable}' is Python with no JavaScript reading; rewrite the condition");
        a["condition"] = NiceFlowText.Script(script);
        c.Properties.Ignore("false_step");
        yield return a;
    }

    /// <summary>For over the rows of its input: Iterate to the body (row.* set), Done to finish_step.</summary>
    public static IEnumerable<JsonObject> For(NiceFlowNodeContext c)
    {
        var a = c.Activity("ForEach");
        a["items"] = NiceFlowText.Script("incoming");
        c.Properties.Ignore("finish_step");
        yield return a;
    }

    public static IEnumerable<JsonObject> Variable(NiceFlowNodeContext c)
    {
        var a = c.Activity("SetVariable");
        a["variable"] = c.RequiredText("variable");
        if (c.RequiredText("script") is not { } script) yield break;
        var js = NiceFlowText.Condition(script, out var untranslatable);
        if (untranslatable is not null) c.Refuse("script", $"'{untranslatable}' is Python with no JavaScript reading; rewrite the script");
        a["value"] = NiceFlowText.Script(js);
        yield return a;
    }

    public static IEnumerable<JsonObject> SubFlow(NiceFlowNodeContext c)
    {
        var a = c.Activity("SubFlow");
        if (c.RequiredText("flow") is { } flow) a["definition"] = NiceFlowText.Text(flow.Replace('\\', '/'));
        a["wait"] = true;
        yield return a;
    }

    public static IEnumerable<JsonObject> Printer(NiceFlowNodeContext c)
    {
        var a = c.Activity("Log");
        a["message"] = NiceFlowText.Text(c.Properties.Text("msg") ?? "");
        a["level"] = "Information";
        yield return a;
    }
}
