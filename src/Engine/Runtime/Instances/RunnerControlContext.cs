using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>The runner's side of <see cref="ControlContext"/>: evaluates inputs on demand and records commands for the runner to apply.</summary>
internal sealed class RunnerControlContext(Orchestrator runner, ExecutionState execution, GraphNode node) : ControlContext
{
    public override string InstanceId => runner.InstanceId;
    public override ActivityNode Node => node.Node;
    public override JsonNode? Incoming => execution.Incoming;
    public override IReadOnlyList<IncomingToken> IncomingTokens => (IReadOnlyList<IncomingToken>?)execution.IncomingTokens ?? [];
    public override JsonObject State => execution.Data ??= new JsonObject();
    public override DateTimeOffset Now => runner.Now;

    public string? FaultMessage { get; private set; }
    public JsonObject? FinishOutputs { get; private set; }
    public bool BreakRequested { get; private set; }
    public bool ChildrenRequested { get; private set; }
    public (IReadOnlyList<string> Ports, JsonNode? Token, IReadOnlyDictionary<string, JsonNode?>? PortTokens)? Result { get; private set; }
    public (string ActivityType, JsonObject Inputs)? Code { get; private set; }
    private static readonly List<BookmarkState> NoBookmarks = [];
    private static readonly List<(JsonNode? Item, long Index)> NoIterations = [];
    private List<BookmarkState>? _bookmarks;
    private List<(JsonNode? Item, long Index)>? _iterations;
    private Expressions.ExpressionScope? _scope;

    public IReadOnlyList<BookmarkState> NewBookmarks => _bookmarks ?? NoBookmarks;
    public IReadOnlyList<(JsonNode? Item, long Index)> Iterations => _iterations ?? NoIterations;

    // One scope per callback: inputs read by the same callback see the same loop item and incoming token.
    private Expressions.ExpressionScope Scope => _scope ??= runner.Scope(execution);
    public ChildWorkflowRequest? ChildWorkflow { get; private set; }

    public override T Get<T>(Input<T> input)
    {
        if (!node.Node.Inputs.TryGetValue(input.Name, out var raw) || raw is null) return input.Default!;
        var syntax = node.Descriptor.FindInput(input.Name)?.DefaultSyntax ?? "Literal";
        var value = InputEvaluator.Evaluate(raw, syntax, Scope, runner.Expressions, input.Name);
        return value is null ? input.Default! : ValueConverter.To<T>(value, input.Name);
    }

    public override bool Has(IInput input) => node.Node.Inputs.TryGetValue(input.Name, out var raw) && raw is not null;

    public override JsonNode? Raw(IInput input) => node.Node.Inputs.GetValueOrDefault(input.Name);

    public override JsonNode? Evaluate(JsonNode? raw, string field) =>
        InputEvaluator.Evaluate(raw, "Literal", Scope, runner.Expressions, field);

    public override bool EvaluateCondition(JsonNode? raw, string field) =>
        ValueConverter.IsTruthy(InputEvaluator.Evaluate(raw, Expressions.ExpressionTypes.JavaScript, Scope, runner.Expressions, field));

    public override void Complete(string port = Ports.Done, JsonNode? token = null) => Result = ([port], token ?? execution.Incoming, null);

    public override void Fire(IReadOnlyList<string> ports, JsonNode? token = null, IReadOnlyDictionary<string, JsonNode?>? portTokens = null) =>
        Result = (ports, token ?? execution.Incoming, portTokens);

    public override void RunCode(string activityType, JsonObject inputs) => Code = (activityType, inputs);

    public override void Iterate(JsonNode? item, long index) => (_iterations ??= []).Add((item, index));

    public override void RunChildren() => ChildrenRequested = true;

    public override void Break() => BreakRequested = true;

    public override string CreateBookmark(string name, string? matchKey = null, DateTimeOffset? resumeAt = null)
    {
        var bookmark = new BookmarkState { Id = runner.Transitions.NewBookmarkId(), Name = name, MatchKey = matchKey, ResumeAt = resumeAt };
        (_bookmarks ??= []).Add(bookmark);
        return bookmark.Id;
    }

    public override void SetVariable(string name, JsonNode? value) => runner.SetVariable(name, value);

    public override void Log(string message, string level = "Information") => runner.Journal.Log(node.Id, message, level);

    public override void Fault(string message) => FaultMessage = message;

    public override void Finish(JsonObject outputs) => FinishOutputs = outputs;

    public override void StartWorkflow(string definition, JsonObject inputs, bool wait) =>
        ChildWorkflow = new ChildWorkflowRequest(definition, inputs, wait);
}

/// <summary>A sub-flow a control activity asked for.</summary>
internal sealed record ChildWorkflowRequest(string Definition, JsonObject Inputs, bool Wait);
