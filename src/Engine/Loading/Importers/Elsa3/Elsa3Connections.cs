using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.Elsa3;

/// <summary>Elsa's two connection shapes, ids made valid, and Elsa's implicit join (a multi-inbound activity runs once).</summary>
internal static class Elsa3Connections
{
    /// <summary><c>{source: {activity, port}, target: {activity, port}}</c> or the flat <c>{source, sourcePort, target, targetPort}</c>.</summary>
    public static JsonObject? Read(JsonObject c)
    {
        var (from, fromPort) = End(c, "source", "sourcePort", "Done");
        var (to, toPort) = End(c, "target", "targetPort", "In");
        return from is null || to is null ? null : Make(from, fromPort, to, toPort);
    }

    public static JsonObject Make(string from, string port, string to, string toPort = "In") => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = toPort }
    };

    /// <summary>
    /// Elsa runs an activity with several inbound connections once, when the live ones have arrived; ElsaFlow runs a
    /// plain activity once per token. A WaitAll Join in front of such an activity gives Elsa's behaviour (dead branches
    /// do not hold it up).
    /// </summary>
    public static void AddImplicitJoins(JsonArray activities, JsonArray connections)
    {
        var types = activities.OfType<JsonObject>().ToDictionary(a => a["id"]!.GetValue<string>(), a => a["type"]?.GetValue<string>());
        var inbound = connections.OfType<JsonObject>().GroupBy(c => c["target"]!["activity"]!.GetValue<string>()).Where(g => g.Count() > 1).ToList();
        foreach (var group in inbound)
        {
            if (types.GetValueOrDefault(group.Key) is "Join" or null) continue;
            var joinId = group.Key + "_join";
            activities.Add(new JsonObject { ["id"] = joinId, ["type"] = "Join", ["mode"] = "WaitAll" });
            foreach (var c in group) c["target"] = new JsonObject { ["activity"] = joinId, ["port"] = "In" };
            connections.Add(Make(joinId, "Done", group.Key));
        }
    }

    /// <summary>
    /// FlowSendHttpRequest completes on the port of the answer's status code ("200", "404"; "Unmatched status code")
    /// and on Done at once. ElsaFlow's HttpRequest completes on Done with {status, headers, body}: a MatchAny Switch on
    /// the status after it gives the status ports, and Done keeps its own connections.
    /// </summary>
    public static void AddStatusSwitches(JsonArray activities, JsonArray connections)
    {
        var requests = activities.OfType<JsonObject>().Where(a => a["type"]?.GetValue<string>() == "HttpRequest").Select(a => a["id"]!.GetValue<string>()).ToHashSet();
        foreach (var request in requests)
        {
            var statusConnections = connections.OfType<JsonObject>()
                .Where(c => c["source"]!["activity"]!.GetValue<string>() == request && c["source"]!["port"]!.GetValue<string>() != "Done").ToList();
            if (statusConnections.Count == 0) continue;
            var switchId = request + "_status";
            var cases = new JsonArray();
            foreach (var code in statusConnections.Select(c => c["source"]!["port"]!.GetValue<string>()).Distinct().Where(p => int.TryParse(p, out _)))
                cases.Add(new JsonObject { ["name"] = code, ["condition"] = $"incoming.status == {code}" });
            activities.Add(new JsonObject { ["id"] = switchId, ["type"] = "Switch", ["mode"] = "MatchAny", ["cases"] = cases });
            foreach (var c in statusConnections)
            {
                var port = c["source"]!["port"]!.GetValue<string>();
                c["source"] = new JsonObject { ["activity"] = switchId, ["port"] = int.TryParse(port, out _) ? port : "Default" };
            }
            connections.Add(Make(request, "Done", switchId));
        }
    }

    /// <summary>Elsa ids are free text (base64 with '-' and '_'); ElsaFlow ids are identifiers.</summary>
    public static string SafeId(string id)
    {
        var safe = new string(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_' ? ch : '_').ToArray());
        return char.IsAsciiDigit(safe[0]) ? "_" + safe : safe;
    }

    private static (string? Activity, string Port) End(JsonObject c, string key, string flatPort, string defaultPort) => c[key] switch
    {
        JsonObject o when o["activity"] is JsonValue a && a.TryGetValue<string>(out var id) =>
            (SafeId(id), o["port"] is JsonValue p && p.TryGetValue<string>(out var port) && port.Length > 0 ? port : defaultPort),
        JsonValue v when v.TryGetValue<string>(out var id) =>
            (SafeId(id), c[flatPort] is JsonValue p && p.TryGetValue<string>(out var port) && port.Length > 0 ? port : defaultPort),
        _ => (null, defaultPort)
    };
}
