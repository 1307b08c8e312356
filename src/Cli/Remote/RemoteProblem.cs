using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Cli.Remote;

/// <summary>A call the server refused: its status, the problem's title/detail and any validation problems.</summary>
public sealed class RemoteProblem(HttpStatusCode status, string message, IReadOnlyList<string> problems) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyList<string> Problems { get; } = problems;

    public static RemoteProblem From(HttpStatusCode status, string body)
    {
        JsonNode? problem = null;
        try { problem = JsonNode.Parse(body); }
        catch (JsonException) { /* not problem+json: show the text */ }
        var title = problem?["title"]?.GetValue<string>();
        var detail = problem?["detail"]?.GetValue<string>();
        var problems = problem?["problems"] is JsonArray list
            ? list.Select(p => p?["message"] is { } m ? $"{p["activityId"]?.GetValue<string>() ?? "flow"}: {m.GetValue<string>()}" : p?.ToJsonString() ?? "").ToList()
            : [];
        var message = $"the server answered {(int)status} {title ?? status.ToString()}" + (detail is null && problem is null && body.Length > 0 ? $": {body}" : detail is null ? "" : $": {detail}");
        return new RemoteProblem(status, message, problems);
    }
}
