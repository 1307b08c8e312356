using System.Text;

namespace ElsaFlow.FlowCorpus;

/// <summary>Big but valid flows: a Flowchart of Log steps, each connected to the next, in the native JSON format.</summary>
public static class LargeFlows
{
    /// <summary>A chain of <paramref name="steps"/> Log activities under one Flowchart root (steps + 1 activities).</summary>
    public static string Chain(int steps, string definitionId = "large")
    {
        var json = new StringBuilder();
        json.Append($$"""{"definitionId": "{{definitionId}}", "root": {"id": "root", "type": "Flowchart", "activities": [""");
        for (var i = 0; i < steps; i++)
            json.Append(i == 0 ? "" : ",").Append($$"""{"id": "s{{i}}", "type": "Log", "message": "step {{i}} of ${n}"}""");
        json.Append("], \"connections\": [");
        for (var i = 1; i < steps; i++)
            json.Append(i == 1 ? "" : ",")
                .Append($$$"""{"source": {"activity": "s{{{i - 1}}}", "port": "Done"}, "target": {"activity": "s{{{i}}}", "port": "In"}}""");
        json.Append("]}, \"inputs\": [{\"name\": \"n\", \"type\": \"String\", \"default\": \"x\"}]}");
        return json.ToString();
    }
}
