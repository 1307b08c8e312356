using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime;

/// <summary>What the control context may reach of the runner.</summary>
internal sealed partial class InstanceRunner
{
    public DateTimeOffset CurrentTime => Now;
    public IExpressionEngine Expressions => _expressions;
    public ExpressionScope ScopeOf(ExecutionState execution) => Scope(execution);
    public string NewBookmarkId() => NewBookmarkIdCore();
    public void WriteLog(string activityId, string message, string level) => Log(activityId, message, level);

    public void SetVariable(string name, JsonNode? value)
    {
        _state.Variables[name] = value is null ? null : value.Parent is null ? value : value.DeepClone();
        _dirty = true;
    }
}
