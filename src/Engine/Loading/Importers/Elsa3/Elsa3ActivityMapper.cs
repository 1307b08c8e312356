using System.Text.Json.Nodes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Importers.Elsa3;

/// <summary>
/// One Elsa 3 activity (and its children) as native activities. Elsa's composites carry children in <c>body</c>,
/// <c>then</c>/<c>else</c>; ElsaFlow's loops and If use ports, so such an activity becomes a small Flowchart holding the
/// control activity and its children, wired Iterate/True/False. The activity keeps its Elsa id.
/// </summary>
internal sealed class Elsa3ActivityMapper(Elsa3Values values, FlowImport import, string definitionId)
{
    public JsonObject? Map(JsonObject elsa)
    {
        var id = Id(elsa);
        var type = elsa["type"]?.GetValue<string>() ?? "";
        var name = type.StartsWith("Elsa.", StringComparison.Ordinal) ? type["Elsa.".Length..] : type;
        JsonObject Native(string nativeType) => new() { ["id"] = id, ["type"] = nativeType };
        JsonNode? In(string key) => values.Read(elsa[key]);
        import.Mapped.Add($"{id} ({type})");
        switch (name)
        {
            case "Flowchart": return Flowchart(elsa, id);
            case "Sequence":
                var sequence = Native("Sequence");
                sequence["activities"] = Children(elsa["activities"] as JsonArray);
                return sequence;
            case "WriteLine":
                var log = Native("Log");
                log["message"] = In("text") ?? "";
                return log;
            case "SetVariable":
                var set = Native("SetVariable");
                set["variable"] = values.VariableName(elsa["variable"]) ?? "";
                set["value"] = In("value");
                return set;
            case "Start" or "End" or "FlowNode" when elsa["body"] is not JsonObject:
                var nothing = Native("Sequence");
                nothing["activities"] = new JsonArray();
                return nothing;
            case "FlowNode": return Map((JsonObject)elsa["body"]!);
            case "If" or "FlowDecision":
                var decision = Native("If");
                decision["condition"] = Condition(In("condition"));
                if (name == "FlowDecision" || (elsa["then"] is null && elsa["else"] is null)) return decision;
                return Scope(id, decision, ("True", MapChild(elsa["then"])), ("False", MapChild(elsa["else"])));
            case "FlowSwitch" or "Switch":
                var @switch = Native("Switch");
                var cases = new JsonArray();
                foreach (var c in (elsa["cases"] as JsonArray ?? []).OfType<JsonObject>())
                    cases.Add(new JsonObject { ["name"] = c["label"]?.DeepClone(), ["condition"] = Condition(values.Read(new JsonObject { ["expression"] = c["condition"]?.DeepClone() })) });
                @switch["cases"] = cases;
                if (values.Text(elsa["mode"]) is { } mode) @switch["mode"] = mode;
                return @switch;
            case "ForEach" or "ParallelForEach":
                var each = Native("ForEach");
                each["items"] = In("items");
                if (name == "ParallelForEach") each["parallelism"] = 16;
                return Loop(id, each, elsa, "item");
            case "While":
                var loop = Native("While");
                loop["condition"] = Condition(In("condition"));
                return Loop(id, loop, elsa, null);
            case "For":
                var @for = Native("For");
                @for["from"] = In("start") ?? 0;
                @for["to"] = In("end");
                @for["step"] = In("step") ?? 1;
                if (values.Read(elsa["outerBoundInclusive"]) is JsonValue inclusive && inclusive.TryGetValue<bool>(out var incl) && !incl)
                    import.Warnings.Add(Problem(id, "outerBoundInclusive", "Elsa's For with an exclusive end: ElsaFlow's 'to' is inclusive; lower 'end' by one"));
                return Loop(id, @for, elsa, "item");
            case "Break": return Native("Break");
            case "FlowFork" or "Fork":
                var fork = Native("Fork");
                fork["branches"] = In("branches");
                return fork;
            case "FlowJoin":
                var join = Native("Join");
                join["mode"] = values.Text(elsa["mode"]) ?? "WaitAll";
                return join;
            case "Delay":
                var delay = Native("Delay");
                delay["duration"] = In("timeSpan") ?? In("duration");
                return delay;
            case "Timer" or "Cron":
                var cron = Native("Cron");
                if (name == "Cron") cron["expression"] = In("cronExpression");
                else if (values.Text(elsa["interval"]) is { } interval && TimeSpan.TryParse(interval, out var every) && every.TotalMinutes >= 1 && every.TotalMinutes == Math.Floor(every.TotalMinutes) && every.TotalMinutes < 60)
                    cron["expression"] = $"*/{(int)every.TotalMinutes} * * * *";
                else { Refuse(id, "interval", "a Timer interval that is not a whole number of minutes under an hour: write a Cron expression"); return null; }
                return cron;
            case "Event":
                var @event = Native("Event");
                @event["name"] = In("eventName") ?? In("name");
                return @event;
            case "Correlate":
                import.Warnings.Add(Problem(id, "correlationId", "Correlate has no activity: give the correlation id when starting (--correlation-id)"));
                var skip = Native("Sequence");
                skip["activities"] = new JsonArray();
                return skip;
            case "Fault":
                var fault = Native("Fault");
                fault["message"] = In("message") ?? "faulted";
                return fault;
            case "Finish" or "Complete": return Native("Finish");
            case "HttpEndpoint":
                var endpoint = Native("HttpEndpoint");
                endpoint["path"] = In("path");
                endpoint["methods"] = In("supportedMethods") ?? new JsonArray("GET");
                endpoint["public"] = !(values.Read(elsa["authorize"]) is JsonValue a && a.TryGetValue<bool>(out var auth) && auth);
                return endpoint;
            case "WriteHttpResponse":
                var response = Native("HttpResponse");
                response["statusCode"] = In("statusCode") ?? 200;
                response["body"] = In("content");
                if (values.Text(elsa["contentType"]) is { Length: > 0 } contentType) response["contentType"] = contentType;
                return response;
            case "SendHttpRequest" or "FlowSendHttpRequest":
                var request = Native("HttpRequest");
                request["url"] = In("url");
                request["method"] = In("method") ?? "GET";
                if (In("content") is { } body) request["body"] = body;
                request["failOnError"] = false;
                return request;
            case "ExecuteWorkflow" or "DispatchWorkflow" or "BulkDispatchWorkflows" when name != "BulkDispatchWorkflows":
                var sub = Native(name == "ExecuteWorkflow" ? "SubFlow" : "DispatchFlow");
                sub["definition"] = In("workflowDefinitionId");
                if (In("input") is JsonObject input) sub["inputs"] = input;
                return sub;
            case "RunJavaScript":
                // The script runs for its effects (setVariable...) and its value: a SetVariable of a scratch variable.
                var script = Native("SetVariable");
                script["variable"] = "_javascriptResult";
                script["value"] = In("script");
                return script;
            default:
                Refuse(id, "type", $"Elsa activity type '{type}' has no ElsaFlow counterpart");
                return null;
        }
    }

    private JsonObject Flowchart(JsonObject elsa, string id)
    {
        var chart = new JsonObject { ["id"] = id, ["type"] = "Flowchart" };
        var children = Children(elsa["activities"] as JsonArray);
        var connections = new JsonArray();
        foreach (var c in (elsa["connections"] as JsonArray ?? []).OfType<JsonObject>())
            if (Elsa3Connections.Read(c) is { } connection) connections.Add(connection);
            else import.Warnings.Add(Problem(id, "connections", $"a connection without source and target is skipped: {c.ToJsonString()}"));
        Elsa3Connections.AddStatusSwitches(children, connections);
        Elsa3Connections.AddImplicitJoins(children, connections);
        chart["activities"] = children;
        chart["connections"] = connections;
        var start = elsa["start"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => o["id"]?.GetValue<string>(),
            _ => null
        };
        if (start is not null) chart["start"] = start;
        return chart;
    }

    private JsonObject Loop(string id, JsonObject control, JsonObject elsa, string? itemName)
    {
        if (elsa["body"] is not JsonObject body) return control;
        var mapped = Map(body);
        if (mapped is null) return control;
        // currentValue bound to a variable: Elsa sets it each iteration, here a SetVariable in front of the body does.
        if (itemName is not null && values.VariableName((elsa["currentValue"] as JsonObject)?["memoryReference"]) is { } variable)
            mapped = new JsonObject
            {
                ["id"] = id + "_iteration", ["type"] = "Sequence", ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = id + "_current", ["type"] = "SetVariable", ["variable"] = variable,
                        ["value"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = itemName } } },
                    mapped)
            };
        return Scope(id, control, ("Iterate", mapped));
    }

    private JsonObject Scope(string id, JsonObject control, params (string Port, JsonObject? Child)[] children)
    {
        var activities = new JsonArray(control);
        var connections = new JsonArray();
        foreach (var (port, child) in children)
        {
            if (child is not JsonObject mapped) continue;
            activities.Add(mapped);
            connections.Add(Elsa3Connections.Make(id, port, mapped["id"]!.GetValue<string>()));
        }
        return new JsonObject { ["id"] = id + "_scope", ["type"] = "Flowchart", ["start"] = id, ["activities"] = activities, ["connections"] = connections };
    }

    private JsonObject? MapChild(JsonNode? child) => child is JsonObject o ? Map(o) : null;

    private JsonArray Children(JsonArray? list)
    {
        var children = new JsonArray();
        foreach (var child in (list ?? []).OfType<JsonObject>())
            if (Map(child) is { } mapped) children.Add(mapped);
        return children;
    }

    /// <summary>A condition: a plain Literal "True" is a boolean; an expression stays one.</summary>
    private static JsonNode? Condition(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => value
    };

    private static string Id(JsonObject elsa) =>
        elsa["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? Elsa3Connections.SafeId(id) : "activity";

    private ValidationProblem Problem(string id, string? field, string message) => new(definitionId, id, field, message);

    private void Refuse(string id, string? field, string message) => import.Problems.Add(Problem(id, field, message));
}
