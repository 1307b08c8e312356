using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// Imports a NiceFlow flow (<c>{flow, nodes, edges}</c>, BleethNie/NiceFlow) as a native flowchart: one activity per
/// node (id = the sanitised node name), one connection per edge, <c>flow.param</c> as inputs with defaults, Variable
/// and Starter variables as workflow variables. The rules and their reasons are in the README ("Coming from NiceFlow").
/// </summary>
public sealed class NiceFlowImporter : IFlowImporter
{
    public string Format => "NiceFlow";

    public bool Recognises(JsonObject document) =>
        document["root"] is null && document["nodes"] is JsonArray && (document["edges"] is not null || document["flow"] is not null);

    public FlowImport Import(JsonObject document, string source)
    {
        var import = new FlowImport(Format);
        var flow = document["flow"] as JsonObject ?? [];
        var definitionId = DefinitionId(source, flow, document);
        void Problem(string? activity, string? field, string message) => import.Problems.Add(new ValidationProblem(definitionId, activity, field, message));

        if (document["flow"] is { } f and not JsonObject) Problem(null, "flow", $"'flow' must be an object, not {JsonFlowReader.Describe(f)}");
        var ids = new NiceFlowIds();
        var nodes = ReadNodes(document, import, definitionId, ids, Problem);
        ReadEdges(document, nodes, Problem);

        var inputs = Params(flow, Problem);
        var variables = Variables(nodes.Values);
        var activities = new JsonArray();
        var exits = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookups = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var node in nodes.Values)
        {
            if (!NiceFlowPlugins.Mappings.TryGetValue(node.Plugin, out var map))
            {
                Problem(node.Id, "id", $"NiceFlow node '{node.Name}' ({node.Plugin}): {NiceFlowPlugins.Refusal(node.Plugin)}");
                continue;
            }
            var context = new NiceFlowNodeContext(node, ids, import, definitionId);
            List<JsonObject> chain;
            try
            {
                chain = map(context).ToList();
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
            {
                // A property of the wrong JSON kind (a list where text belongs): one problem naming the node, not a crash.
                Problem(node.Id, "properties", $"NiceFlow node '{node.Name}' ({node.Plugin}): a property has the wrong kind of value ({e.Message})");
                continue;
            }
            if (context.Refused || chain.Count == 0) continue;
            foreach (var key in context.Properties.Unread)
                context.Warn(key, $"property '{key}' is not read by NiceFlow's {node.Plugin} either: ignored");
            for (var i = 0; i < chain.Count - 1; i++)
                import.Connections().Add(Connection(chain[i]["id"]!.GetValue<string>(), "Done", chain[i + 1]["id"]!.GetValue<string>()));
            foreach (var a in chain) activities.Add(a);
            if (context.Lookups.Count > 0) lookups[node.Name] = context.Lookups;
            entries[node.Name] = chain[0]["id"]!.GetValue<string>();
            exits[node.Name] = chain[^1]["id"]!.GetValue<string>();
            import.Mapped.Add($"{node.Name} ({node.Plugin}) -> {string.Join(" + ", chain.Select(a => $"{a["type"]} '{a["id"]}'"))}");
        }
        DeclareUnknownNames(nodes.Values, inputs, variables, import, definitionId);
        if (import.Problems.Count > 0) return import;

        var followed = new List<(NiceFlowNode From, string To, string Port)>();
        foreach (var node in nodes.Values)
        foreach (var next in node.Next)
        {
            if (NiceFlowPorts.Of(node, next) is { } port) followed.Add((node, next, port));
            else import.Warnings.Add(new ValidationProblem(definitionId, node.Id, "edges",
                $"NiceFlow's {node.Plugin} runs only its first successor and false_step: the edge to '{next}' is never followed, so it is not connected"));
        }
        // A node reached only through edges NiceFlow never follows never runs; left unconnected it would start the flow.
        var unreachable = Unreachable(nodes, followed);
        foreach (var lost in unreachable)
            import.Warnings.Add(new ValidationProblem(definitionId, nodes[lost].Id, null, $"node '{lost}' is only reached through edges NiceFlow never follows: not imported"));
        foreach (var (node, next, port) in followed)
        {
            if (unreachable.Contains(node.Name) || !exits.TryGetValue(node.Name, out var from) || !entries.TryGetValue(next, out var to)) continue;
            if (lookups.GetValueOrDefault(next)?.GetValueOrDefault(node.Name) is { } lookupTargets)
                foreach (var target in lookupTargets) import.Connections().Add(Connection(from, port, target, "Lookup"));
            else import.Connections().Add(Connection(from, port, to));
        }
        var kept = new JsonArray(activities.OfType<JsonObject>()
            .Where(a => !unreachable.Any(n => OwnedBy(a, nodes[n]))).Select(a => (JsonNode)a.DeepClone()).ToArray());
        activities = kept;

        import.Document = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = flow["name"] is JsonValue n && n.TryGetValue<string>(out var name) && name.Length > 0 ? name : definitionId,
            ["inputs"] = inputs,
            ["variables"] = variables,
            ["root"] = new JsonObject
            {
                ["id"] = "root", ["type"] = "Flowchart", ["activities"] = activities,
                ["connections"] = new JsonArray(import.Connections().Select(c => (JsonNode)c).ToArray())
            }
        };
        return import;
    }

    /// <summary>Nodes with edges coming in, none of which is followed (directly or through such nodes).</summary>
    private static HashSet<string> Unreachable(Dictionary<string, NiceFlowNode> nodes, List<(NiceFlowNode From, string To, string Port)> followed)
    {
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var node in nodes.Values)
            {
                if (node.Previous.Count == 0 || unreachable.Contains(node.Name)) continue;
                if (!followed.Any(f => f.To == node.Name && !unreachable.Contains(f.From.Name)) && !followed.Any(f => f.To == node.Name && f.From.Name == node.Name))
                    changed = unreachable.Add(node.Name);
            }
        } while (changed);
        return unreachable;
    }

    private static bool OwnedBy(JsonObject activity, NiceFlowNode node)
    {
        var id = activity["id"]!.GetValue<string>();
        return id == node.Id || id.StartsWith(node.Id + "_map", StringComparison.Ordinal);
    }

    private static Dictionary<string, NiceFlowNode> ReadNodes(JsonObject document, FlowImport import, string definitionId, NiceFlowIds ids,
        Action<string?, string?, string> problem)
    {
        var nodes = new Dictionary<string, NiceFlowNode>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in (JsonArray)document["nodes"]!)
        {
            var where = $"nodes[{index++}]";
            if (item is not JsonObject o) { problem(null, where, $"each node must be an object, not {JsonFlowReader.Describe(item)}"); continue; }
            var plugin = o["id"] is JsonValue p && p.TryGetValue<string>(out var pluginText) ? pluginText : null;
            var name = o["name"] is JsonValue nv && nv.TryGetValue<string>(out var nameText) ? nameText : null;
            if (plugin is null || name is null)
            {
                problem(null, where, $"a NiceFlow node needs text 'id' (the plugin) and 'name'{(name is null ? "" : $" (node '{name}')")}");
                continue;
            }
            if (o["properties"] is { } props and not JsonObject) { problem(NiceFlowIds.Sanitise(name), "properties", $"NiceFlow node '{name}': 'properties' must be an object"); continue; }
            if (nodes.ContainsKey(name))
                import.Warnings.Add(new ValidationProblem(definitionId, NiceFlowIds.Sanitise(name), "name", $"two nodes are named '{name}': NiceFlow keeps the last one, and so does the import"));
            nodes[name] = new NiceFlowNode(plugin, name, ids.Assign(name), (JsonObject)(o["properties"]?.DeepClone() ?? new JsonObject()));
        }
        return nodes;
    }

    private static void ReadEdges(JsonObject document, Dictionary<string, NiceFlowNode> nodes, Action<string?, string?, string> problem)
    {
        if (document["edges"] is null) return;
        if (document["edges"] is not JsonArray edges) { problem(null, "edges", "'edges' must be a list"); return; }
        var index = 0;
        foreach (var item in edges)
        {
            var where = $"edges[{index++}]";
            var start = (item as JsonObject)?["startId"] is JsonValue s && s.TryGetValue<string>(out var st) ? st : null;
            var end = (item as JsonObject)?["endId"] is JsonValue e && e.TryGetValue<string>(out var en) ? en : null;
            if (start is null || end is null) { problem(null, where, "an edge needs text 'startId' and 'endId'"); continue; }
            if (!nodes.TryGetValue(start, out var from)) { problem(null, where, $"the edge {start} -> {end} starts at '{start}', which is not a node name"); continue; }
            if (!nodes.TryGetValue(end, out var to)) { problem(null, where, $"the edge {start} -> {end} ends at '{end}', which is not a node name"); continue; }
            from.Next.Add(end);
            to.Previous.Add(start);
        }
    }

    private static JsonArray Params(JsonObject flow, Action<string?, string?, string> problem)
    {
        var inputs = new JsonArray();
        switch (flow["param"])
        {
            case null: break;
            case JsonValue v when v.TryGetValue<string>(out var text) && text.Length == 0: break; // "" is accepted by NiceFlow: no params
            case JsonObject param:
                foreach (var (name, value) in param)
                    inputs.Add(new JsonObject { ["name"] = name, ["type"] = TypeOf(value), ["default"] = value?.DeepClone() });
                break;
            case var other: problem(null, "flow.param", $"'flow.param' must be an object of name: value, not {JsonFlowReader.Describe(other)}"); break;
        }
        return inputs;
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Number => "Number",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        JsonValueKind.String => "String",
        _ => "Object"
    };

    /// <summary>Variable nodes' names and Starter.variables (which NiceFlow ignores, but which clearly declare loop variables).</summary>
    private static JsonArray Variables(IEnumerable<NiceFlowNode> nodes)
    {
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Plugin == "Starter" && node.Properties["variables"] is JsonArray list)
                foreach (var v in list.OfType<JsonObject>())
                    if (v["name"] is JsonValue n && n.TryGetValue<string>(out var name)) variables[name] = v["value"]?.DeepClone();
            if (node.Plugin == "Variable" && node.Properties["variable"] is JsonValue vn && vn.TryGetValue<string>(out var variable))
                variables.TryAdd(variable, null);
        }
        return new JsonArray(variables.Select(v => (JsonNode)new JsonObject { ["name"] = v.Key, ["value"] = v.Value }).ToArray());
    }

    /// <summary>A <c>${name}</c> that no param, variable or loop row defines is empty in NiceFlow: an input with default "".</summary>
    private static void DeclareUnknownNames(IEnumerable<NiceFlowNode> nodes, JsonArray inputs, JsonArray variables, FlowImport import, string definitionId)
    {
        var known = inputs.Concat(variables).Select(i => i!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes)
        foreach (var text in Strings(node.Properties))
        foreach (var name in NiceFlowText.Names(text).Select(n => n.Trim()))
        {
            if (NiceFlowText.IsRowName(name) || !known.Add(name)) continue;
            inputs.Add(new JsonObject { ["name"] = name, ["type"] = "String", ["default"] = "" });
            import.Warnings.Add(new ValidationProblem(definitionId, node.Id, null,
                $"${{{name}}} is not in flow.param: declared as the input '{name}' (empty unless given, as in NiceFlow; --input {name}=...)"));
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        _ => []
    };

    private static JsonObject Connection(string from, string port, string to, string toPort = "In") => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = toPort }
    };

    /// <summary>The flow's id: its file name (NiceFlow's uid is regenerated per run), made a valid definitionId.</summary>
    private static string DefinitionId(string source, JsonObject flow, JsonObject document)
    {
        // Without a file (the API's body) the uid if there is one, else a digest of the nodes: two imports do not collide.
        var basis = source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(source)
            : flow["uid"] is JsonValue u && u.TryGetValue<string>(out var uid) && uid.Length > 0 ? uid
            : "niceflow-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document["nodes"]?.ToJsonString() ?? "")))[..12];
        var id = new string(basis.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.', '_');
        if (id.Length == 0) id = "niceflow-flow";
        return id.Length > 100 ? id[..100] : id;
    }
}
