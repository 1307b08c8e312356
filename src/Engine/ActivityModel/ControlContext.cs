using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>
/// What a <see cref="ControlActivity"/> sees inside the orchestration loop. Inputs are evaluated when read;
/// everything else is a command the runtime applies after the activity returns.
/// </summary>
public abstract class ControlContext
{
    public abstract string InstanceId { get; }
    public abstract ActivityNode Node { get; }
    public string ActivityId => Node.Id;
    public abstract JsonNode? Incoming { get; }
    public abstract IReadOnlyList<IncomingToken> IncomingTokens { get; }

    /// <summary>State kept for this execution across body completions and resumes (loop counters); persisted with the instance.</summary>
    public abstract JsonObject State { get; }

    public abstract DateTimeOffset Now { get; }

    /// <summary>Evaluates an input now (a loop condition is read again on every iteration).</summary>
    public abstract T Get<T>(Input<T> input);

    /// <summary>Whether the flow set a value for the input.</summary>
    public abstract bool Has(IInput input);

    /// <summary>The raw value written in the flow for an input, expressions unevaluated.</summary>
    public abstract JsonNode? Raw(IInput input);

    /// <summary>Evaluates a raw value, replacing every nested <c>{"expression": ...}</c> by its result.</summary>
    public abstract JsonNode? Evaluate(JsonNode? raw, string field);

    /// <summary>Evaluates a raw value as a condition; plain strings are read as JavaScript.</summary>
    public abstract bool EvaluateCondition(JsonNode? raw, string field);

    /// <summary>Completes on one port; the token defaults to the incoming one so data flows through control activities.</summary>
    public abstract void Complete(string port = Ports.Done, JsonNode? token = null);

    /// <summary>Fires several ports at once with the same token (Fork, Switch MatchAny), or each with its own.</summary>
    public abstract void Fire(IReadOnlyList<string> ports, JsonNode? token = null, IReadOnlyDictionary<string, JsonNode?>? portTokens = null);

    /// <summary>
    /// Hands this execution's work to a code activity (which may touch data or I/O the orchestrator must not);
    /// its answer arrives in <see cref="ControlActivity.OnCodeCompleted"/>.
    /// </summary>
    public abstract void RunCode(string activityType, JsonObject inputs);

    /// <summary>Starts one iteration of the body reached from Iterate.</summary>
    public abstract void Iterate(JsonNode? item, long index);

    /// <summary>Starts the children of this container (Flowchart, Sequence) as a body.</summary>
    public abstract void RunChildren();

    /// <summary>Ends the innermost loop around this activity.</summary>
    public abstract void Break();

    /// <summary>Makes the instance wait; a resume with this name and match key continues this activity.</summary>
    public abstract string CreateBookmark(string name, string? matchKey = null, DateTimeOffset? resumeAt = null);

    public abstract void SetVariable(string name, JsonNode? value);
    public abstract void Log(string message, string level = "Information");
    public abstract void Fault(string message);

    /// <summary>Finishes the whole instance now with these outputs.</summary>
    public abstract void Finish(JsonObject outputs);

    /// <summary>Starts another workflow (by id or file path); when <paramref name="wait"/> is true, this activity resumes with its outputs.</summary>
    public abstract void StartWorkflow(string definition, JsonObject inputs, bool wait);
}
