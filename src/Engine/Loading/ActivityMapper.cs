using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Loading;

/// <summary>Maps one activity object of the flow document (and its children) to an <see cref="ActivityNode"/>.</summary>
internal sealed class ActivityMapper(FlowDocumentMapper flow)
{
    private static readonly HashSet<string> RetryKeys = ["attempts", "delay", "backoff", "maxDelay"];

    private static readonly string[] LabelKeys = ["name", "description"];

    public ActivityNode Map(JsonObject source, string fallbackId)
    {
        var id = flow.String(source, "id", null);
        var where = id ?? fallbackId;
        var type = flow.String(source, "type", where) ?? "";
        var node = new ActivityNode
        {
            Id = id ?? "",
            Type = type,
            Name = flow.DeclaresInput(type, "name") ? null : flow.String(source, "name", where),
            Description = flow.DeclaresInput(type, "description") ? null : flow.String(source, "description", where),
            Metadata = flow.Object(source, "metadata", where),
            Start = flow.String(source, "start", where)
        };
        node.Behaviours = Behaviours(source, where);
        node.Activities = flow.Items(source, "activities", where).Select((child, i) => Map(child, $"{where}.activities[{i}]")).ToList();
        node.Connections = flow.Items(source, "connections", where).Select(c => Connection(c, where)).OfType<Connection>().ToList();
        foreach (var (key, value) in source)
            if (!ActivityBehaviours.ReservedKeys.Contains(key) && (!LabelKeys.Contains(key) || flow.DeclaresInput(type, key)))
                node.Inputs[key] = flow.CoerceInput is { } coerce ? coerce(node, value?.DeepClone(), key) : value?.DeepClone();
        return node;
    }

    private ActivityBehaviours Behaviours(JsonObject source, string where)
    {
        var behaviours = new ActivityBehaviours
        {
            Delay = Duration(source, "delay", where, "delay"),
            Timeout = Duration(source, "timeout", where, "timeout"),
            Worker = flow.String(source, "worker", where)
        };
        if (flow.String(source, "onError", where) is { } onError)
        {
            if (Enum.TryParse<OnErrorMode>(onError, ignoreCase: true, out var mode) && Enum.IsDefined(mode)) behaviours.OnError = mode;
            else flow.Report(where, "onError", $"'{onError}' is not an error mode; use fault, continue or port");
        }
        switch (source["retry"])
        {
            case null: break;
            case JsonObject retry: behaviours.Retry = Retry(retry, where); break;
            case var other: flow.Report(where, "retry", $"'retry' must be an object like {{\"attempts\": 3, \"delay\": \"00:00:05\"}}, not {JsonFlowReader.Describe(other)}"); break;
        }
        return behaviours;
    }

    private RetryPolicy Retry(JsonObject retry, string where)
    {
        var policy = new RetryPolicy
        {
            Delay = Duration(retry, "delay", where, "retry.delay") ?? TimeSpan.Zero,
            MaxDelay = Duration(retry, "maxDelay", where, "retry.maxDelay")
        };
        switch (retry["attempts"])
        {
            case null: break;
            case JsonValue v when FlowDocumentMapper.WholeNumber(v) is { } attempts: policy.Attempts = attempts; break;
            case JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, out var parsed): policy.Attempts = parsed; break;
            case var other: flow.Report(where, "retry.attempts", $"retry attempts must be a whole number, not {FlowDocumentMapper.Show(other)}"); break;
        }
        if (flow.String(retry, "backoff", where, "retry.backoff") is { } backoff)
        {
            if (Enum.TryParse<BackoffKind>(backoff, ignoreCase: true, out var kind) && Enum.IsDefined(kind)) policy.Backoff = kind;
            else flow.Report(where, "retry.backoff", $"'{backoff}' is not a backoff; use fixed or exponential");
        }
        foreach (var key in retry.Select(p => p.Key).Where(k => !RetryKeys.Contains(k)))
            flow.Report(where, $"retry.{key}", $"unknown retry setting '{key}'; retry has attempts, delay, backoff and maxDelay");
        return policy;
    }

    private TimeSpan? Duration(JsonObject owner, string key, string where, string field)
    {
        if (owner[key] is null) return null;
        var text = flow.String(owner, key, where, field);
        if (text is null) return null;
        if (Model.Duration.TryParse(text, out var value)) return value;
        flow.Report(where, field, $"'{text}' is not a valid duration: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 or 2.00:00:00");
        return null;
    }

    private Connection? Connection(JsonObject connection, string where)
    {
        var source = Endpoint(connection, "source", where, Ports.Done);
        var target = Endpoint(connection, "target", where, Ports.In);
        return source is null || target is null ? null : new Connection(source, target);
    }

    private Endpoint? Endpoint(JsonObject connection, string key, string where, string defaultPort)
    {
        if (connection[key] is JsonObject end && flow.String(end, "activity", where, "connections") is { } activity)
            return new Endpoint(activity, flow.String(end, "port", where, "connections") ?? defaultPort);
        flow.Report(where, "connections", $"a connection needs \"{key}\": {{\"activity\": \"id\", \"port\": \"{defaultPort}\"}}");
        return null;
    }
}
