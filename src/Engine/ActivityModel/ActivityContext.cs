using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>What a <see cref="CodeActivity"/> sees while it runs: evaluated inputs, the incoming token, services, and where to put its result.</summary>
public sealed class ActivityContext
{
    private readonly JsonObject _inputs;
    private readonly List<ActivityLogLine> _logs = [];
    private JsonObject? _outputs;

    public ActivityContext(ActivityInvocation invocation, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        Invocation = invocation;
        _inputs = invocation.Inputs;
        Services = services;
        Time = time;
        CancellationToken = cancellationToken;
    }

    public ActivityInvocation Invocation { get; }
    public string InstanceId => Invocation.InstanceId;
    public string ActivityId => Invocation.ActivityId;
    public string ActivityType => Invocation.ActivityType;
    public string ExecutionId => Invocation.ExecutionId;
    public int Attempt => Invocation.Attempt;

    /// <summary>A preview run: read at most <see cref="PreviewRows"/> rows per input and write no output.</summary>
    public bool IsPreview => Invocation.PreviewRows is not null;
    public int? PreviewRows => Invocation.PreviewRows;

    /// <summary>The token that arrived on the input port (for joins, the first live one).</summary>
    public JsonNode? Incoming => Invocation.Incoming;

    /// <summary>Every live token that arrived, for activities that join several inbound connections.</summary>
    public IReadOnlyList<IncomingToken> IncomingTokens => Invocation.IncomingTokens;

    /// <summary>The workflow's inputs, read-only.</summary>
    public JsonObject WorkflowInputs => Invocation.WorkflowInputs;

    public IServiceProvider Services { get; }
    public TimeProvider Time { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>The evaluated value of an input, or its default.</summary>
    public T Get<T>(Input<T> input) =>
        _inputs.TryGetPropertyValue(input.Name, out var node) && node is not null
            ? ValueConverter.To<T>(node, $"{ActivityId}.{input.Name}")
            : input.Default!;

    /// <summary>Whether the flow set a value for the input.</summary>
    public bool Has(IInput input) => _inputs.TryGetPropertyValue(input.Name, out var node) && node is not null;

    public void Set<T>(Output<T> output, T value)
    {
        _outputs ??= new JsonObject();
        _outputs[output.Name] = ValueConverter.From(value);
    }

    public void Log(string message, string level = "Information") =>
        _logs.Add(new ActivityLogLine(Time.GetUtcNow(), level, message));

    /// <summary>Completes on one port with a token (by default the incoming token, so data flows through).</summary>
    public void Complete(string port = Ports.Done, JsonNode? token = null) => Fire([port], token);

    /// <summary>Completes on one port with an explicit token, even a null one.</summary>
    public void CompleteWith(string port, JsonNode? token)
    {
        Result = new ActivityResult([port], token, true);
    }

    public void Fire(IReadOnlyList<string> ports, JsonNode? token = null) =>
        Result = new ActivityResult(ports, token ?? Incoming?.DeepClone(), token is not null);

    /// <summary>Completes on several ports, each with its own token (Checker's Valid and Invalid rows, say).</summary>
    public void CompleteWith(IReadOnlyDictionary<string, JsonNode?> portTokens) =>
        Result = new ActivityResult(portTokens.Keys.ToList(), portTokens.Values.FirstOrDefault(), true, portTokens);

    internal ActivityResult? Result { get; private set; }
    internal JsonObject? Outputs => _outputs;
    internal IReadOnlyList<ActivityLogLine> Logs => _logs;
}

/// <summary>The ports an activity fired and the token they carry.</summary>
internal sealed record ActivityResult(IReadOnlyList<string> Ports, JsonNode? Token, bool ExplicitToken,
    IReadOnlyDictionary<string, JsonNode?>? PortTokens = null);

/// <summary>A log line written by an activity while it ran.</summary>
public sealed record ActivityLogLine(DateTimeOffset Timestamp, string Level, string Message);
