using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Token routing: "How a flowchart runs" of ARCHITECTURE.md.</summary>
internal sealed partial class InstanceRunner
{
    /// <summary>Sends a token down every connection of a port: live ones on fired ports, dead ones on the others.</summary>
    private void EmitTokens(GraphNode node, string frameId, IReadOnlyList<string> firedPorts, JsonNode? value,
        IReadOnlyDictionary<string, JsonNode?>? portTokens = null)
    {
        foreach (var connection in node.Outbound)
        {
            var live = Contains(firedPorts, connection.SourcePort);
            // A loop that finishes does not kill its body: bodies live in their own frames.
            if (!live && connection.SourcePort == Ports.Iterate) continue;
            _state.Tokens.Add(new TokenState
            {
                SourceActivity = node.Id,
                SourcePort = connection.SourcePort,
                TargetActivity = connection.Target.Id,
                TargetPort = connection.TargetPort,
                Connection = connection.Index,
                FrameId = frameId,
                Dead = !live,
                Value = !live ? null : portTokens is not null && portTokens.TryGetValue(connection.SourcePort, out var own) ? own : value
            });
        }
    }

    private void EmitDead(GraphNode node, string frameId) => EmitTokens(node, frameId, [], null);

    private void Deliver(TokenState token)
    {
        _dirty = true;
        if (!_frames.ContainsKey(token.FrameId)) return; // its body was torn down (Break, loop-back, finish)
        var node = _graph[token.TargetActivity];
        var connection = token.Connection >= 0 ? node.Container!.Connections[token.Connection] : null;

        if (connection is not null && !token.Dead && FindIterationOf(token.FrameId, node.Id) is { } iteration)
        {
            // A token back at the loop's own In from inside its body ends the iteration.
            TearDownContents(iteration.Id);
            CheckFrame(iteration.Id);
            return;
        }

        if (connection is null) StartExecution(node, token.FrameId, [], token.Value);
        else if (connection.IsBackEdge) DeliverBackEdge(node, connection, token);
        else if (node.Join == JoinMode.None) DeliverSingle(node, connection, token);
        else DeliverJoin(node, connection, token);
        CheckFrame(token.FrameId);
    }

    private void DeliverBackEdge(GraphNode node, GraphConnection connection, TokenState token)
    {
        if (token.Dead) return; // a cycle that is left does not restart its head
        var key = $"{token.FrameId}/{node.Container!.Id}/{connection.Index}";
        var visits = _state.Visits.TryGetValue(key, out var v) ? v + 1 : 1;
        _state.Visits[key] = visits;
        var max = MaxVisits(node.Container);
        if (visits > max)
        {
            FaultInstance(node, null, $"the cycle {connection.Source.Id} -> {node.Id} was entered more than {max} times (maxVisits); check the loop's exit condition");
            return;
        }
        StartExecution(node, token.FrameId, [Incoming(token)], token.Value);
    }

    private void DeliverSingle(GraphNode node, GraphConnection connection, TokenState token)
    {
        if (!token.Dead)
        {
            RemoveJoin(node.Id, token.FrameId);
            StartExecution(node, token.FrameId, node.ForwardInboundCount > 1 ? [Incoming(token)] : [], token.Value);
            return;
        }

        // Dead from one side of a merge: it only matters once every inbound connection is dead.
        var join = GetJoin(node.Id, token.FrameId);
        if (!join.Arrivals.Exists(a => a.Connection == connection.Index))
            join.Arrivals.Add(new JoinArrival(connection.Index, true, token.SourceActivity, token.SourcePort, token.TargetPort, null));
        if (join.Arrivals.Count >= node.ForwardInboundCount)
        {
            RemoveJoin(node.Id, token.FrameId);
            EmitDead(node, token.FrameId);
        }
    }

    private void DeliverJoin(GraphNode node, GraphConnection connection, TokenState token)
    {
        var join = GetJoin(node.Id, token.FrameId);
        join.Arrivals.RemoveAll(a => a.Connection == connection.Index);
        join.Arrivals.Add(new JoinArrival(connection.Index, token.Dead, token.SourceActivity, token.SourcePort, token.TargetPort, token.Value));

        if (node.Join == JoinMode.WaitAny && !token.Dead && !join.Fired)
        {
            join.Fired = true;
            StartExecution(node, token.FrameId, [Incoming(token)], token.Value);
        }

        if (join.Arrivals.Count < node.ForwardInboundCount) return;
        RemoveJoin(node.Id, token.FrameId);
        var live = join.Arrivals.Where(a => !a.Dead).OrderBy(a => a.Connection).ToList();
        if (node.Join == JoinMode.WaitAny)
        {
            if (!join.Fired) EmitDead(node, token.FrameId);
        }
        else if (live.Count == 0) EmitDead(node, token.FrameId);
        else StartExecution(node, token.FrameId,
            live.Select(a => new IncomingToken(a.SourceActivity, a.SourcePort, a.TargetPort, a.Value)).ToList(), live[0].Value);
    }

    private JoinState GetJoin(string activityId, string frameId)
    {
        foreach (var join in _state.Joins)
            if (join.ActivityId == activityId && join.FrameId == frameId) return join;
        var created = new JoinState { ActivityId = activityId, FrameId = frameId };
        _state.Joins.Add(created);
        return created;
    }

    private void RemoveJoin(string activityId, string frameId)
    {
        if (_state.Joins.Count > 0) _state.Joins.RemoveAll(j => j.ActivityId == activityId && j.FrameId == frameId);
    }

    private int MaxVisits(GraphNode container) =>
        container.Node.Inputs.TryGetValue("maxVisits", out var raw) && raw is JsonValue value && value.TryGetValue<int>(out var max)
            ? max : _runtime.Options.MaxVisits;

    private static IncomingToken Incoming(TokenState token) => new(token.SourceActivity, token.SourcePort, token.TargetPort, token.Value);

    private static bool Contains(IReadOnlyList<string> ports, string port)
    {
        for (var i = 0; i < ports.Count; i++)
            if (ports[i] == port) return true;
        return false;
    }
}
