using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime.Descriptors;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Runs JavaScript expressions in one sandboxed Jint engine that lives as long as the workflow instance.</summary>
/// <remarks>
/// Not thread-safe: the orchestration loop evaluates one expression at a time. Globals other than the scope names
/// (a top-level <c>var</c>, or an assignment to an undeclared name) persist between evaluations of the same instance.
/// An engine that only ran scripts which leave no trace stays <see cref="Reusable"/>: it may serve another instance
/// (see <see cref="JavaScriptEvaluatorPool"/>); one script that may leave a trace, a failed evaluation or the allocation
/// guard makes it the instance's own until it is disposed.
/// </remarks>
internal sealed class JavaScriptEvaluator : IDisposable
{
    private static readonly string[] ScopeNames = ["inputs", "variables", "outputs", "incoming", "item", "index", "row"];

    private readonly JsEngine _engine;
    private readonly JsBridge _bridge;
    private readonly ExpressionOptions _options;
    private readonly JsValue?[] _bound = new JsValue?[ScopeNames.Length];
    private OutputsInstance? _outputs;
    private bool _guarded;

    /// <summary>As good as new once unbound: every script it ran left no trace, none failed, no guard was installed.</summary>
    public bool Reusable { get; private set; } = true;

    public JavaScriptEvaluator(ExpressionOptions options)
    {
        _options = options;
        // No AllowClr and no interop registrations: scripts see only the ECMAScript built-ins and the scope names.
        _engine = new JsEngine(o =>
        {
            o.MaxStatements(options.MaxStatements)
                .Constraint(new DeadlineConstraint(options.Timeout))
                .LimitMemory(options.MemoryLimitBytes)
                .LimitRecursion(options.MaxRecursionDepth);
            // A regex match runs inside one statement, where the deadline is never looked at: .NET's own match timeout stops it.
            o.Constraints.RegexTimeout = options.Timeout;
            o.Constraints.MaxArraySize = options.MaxArrayLength;
        });
        _bridge = new JsBridge(_engine);
    }

    public JsonNode? Evaluate(string source, ExpressionScope scope, string field)
    {
        var prepared = PreparedScripts.Get(source, field);
        var script = prepared.Script;
        if (!prepared.LeavesNoTrace) Reusable = false;
        // The guard costs about as much as the engine itself: installed before the first script that could reach what it guards.
        if (!_guarded && _options.MemoryLimitBytes > 0 && JavaScriptAllocationGuard.IsNeededFor(source))
        {
            JavaScriptAllocationGuard.Install(_engine, _options.MemoryLimitBytes);
            _guarded = true;
            Reusable = false;
        }
        var succeeded = false;
        try
        {
            Bind(scope);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var result = _engine.Evaluate(script);
            CheckAllocated(allocated);
            var json = _bridge.ToJson(result);
            _bridge.CompleteEvaluation(writeBack: true);
            succeeded = true;
            return json;
        }
        catch (Exception e) when (JavaScriptErrors.Describe(e, _options) is { } message)
        {
            throw new ExpressionException(field, JavaScriptErrors.IsLimit(e) ? message + ExpressionLimits.Where(scope) : message, e);
        }
        finally
        {
            _bridge.CompleteEvaluation(writeBack: false);
            // A script stopped half-way (a limit, an error) may have left the engine anywhere.
            if (!succeeded) Reusable = false;
        }
    }

    // Jint checks its memory limit between statements; a result made by the last statement is checked here, so it is
    // refused (and becomes garbage at once) instead of being stored in the instance.
    private void CheckAllocated(long before)
    {
        var used = GC.GetAllocatedBytesForCurrentThread() - before;
        if (_options.MemoryLimitBytes > 0 && used > _options.MemoryLimitBytes) throw AllocationLimitException.After(used);
    }

    private void Bind(ExpressionScope scope)
    {
        Bind(0, scope.Inputs, readOnly: true);
        Bind(1, scope.Variables, readOnly: false);
        if (_outputs is null || !ReferenceEquals(_outputs.Outputs, scope.Outputs)) _outputs = new OutputsInstance(_bridge, scope.Outputs);
        Bind(2, _outputs);
        Bind(3, _bridge.ToJs(scope.Incoming, readOnly: true));
        Bind(4, scope.Loop is null ? JsValue.Undefined : _bridge.ToJs(scope.Loop.Item, readOnly: true));
        Bind(5, scope.Loop is null ? JsValue.Undefined : JsNumber.Create(scope.Loop.Index));
        Bind(6, scope.Loop is null ? JsValue.Undefined : _bridge.ToJs(scope.Loop.Row, readOnly: true));
    }

    private void Bind(int slot, JsonObject node, bool readOnly) => Bind(slot, _bridge.View(node, readOnly));

    // Non-writable globals: a stray `variables = 1` cannot replace the live view. Rebound only when the value changed.
    private void Bind(int slot, JsValue value)
    {
        if (ReferenceEquals(_bound[slot], value)) return;
        _engine.Global.FastSetProperty(ScopeNames[slot], new PropertyDescriptor(value, PropertyFlag.Configurable));
        _bound[slot] = value;
    }

    /// <summary>Forgets the instance it served: its scope names are undefined until the next evaluation binds them.</summary>
    public void Unbind()
    {
        for (var slot = 0; slot < ScopeNames.Length; slot++) Bind(slot, JsValue.Undefined);
        _outputs = null;
    }

    public void Dispose() => _engine.Dispose();
}
