using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime;

/// <summary>A sub-flow instance created but not started: it starts once its parent has committed the wait.</summary>
internal sealed record PreparedChild(WorkflowState State, WorkflowGraph Graph, JsonNode? Trigger = null);
