using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>
/// An activity that steers the flow (If, loops, Fork, Pause...). It runs inside the single-threaded orchestration
/// loop, synchronously and deterministically, and acts only through the commands of its <see cref="ControlContext"/>.
/// </summary>
public abstract class ControlActivity : Activity
{
    /// <summary>A live token arrived on the activity's input.</summary>
    public abstract void Execute(ControlContext context);

    /// <summary>A body the activity started (a loop iteration, a container's children) holds no more live work.</summary>
    public virtual void OnBodyCompleted(ControlContext context, BodyCompletion completion) => context.Complete();

    /// <summary>The code activity started with <see cref="ControlContext.RunCode"/> answered; by default its ports and tokens are followed.</summary>
    public virtual void OnCodeCompleted(ControlContext context, CodeResult result) => context.Fire(result.Ports, result.Token, result.PortTokens);

    /// <summary>A bookmark the activity created was resumed; the payload becomes its output by default.</summary>
    public virtual void OnResumed(ControlContext context, JsonNode? payload) => context.Complete(token: payload);
}

/// <summary>The answer of a code activity started by a control activity.</summary>
public sealed record CodeResult(IReadOnlyList<string> Ports, JsonNode? Token, IReadOnlyDictionary<string, JsonNode?>? PortTokens);

/// <summary>
/// What the runtime reports when a body started by a control activity ends; <paramref name="Result"/> is the token that
/// came back to the loop's In from inside the body, when one did (what a ForEach with collect gathers).
/// </summary>
public sealed record BodyCompletion(JsonNode? Item, long Index, bool Broken, JsonNode? Result = null);
