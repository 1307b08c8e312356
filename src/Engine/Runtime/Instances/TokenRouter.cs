using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// Token routing, the rules of "How a flowchart runs" in ARCHITECTURE.md: which connections a completion fires (live
/// and dead tokens), and what a token that arrives does: start its target, wait at a join, end a loop iteration, or
/// go round a cycle under the max-visits guard. It decides; the runner carries out what it returns.
/// </summary>
internal sealed class TokenRouter(WorkflowState state, LiveWork work, int defaultMaxVisits)
{
    /// <summary>Sends a token down every connection of a node: live ones on fired ports, dead ones on the others.</summary>
    public void Emit(GraphNode node, string frameId, IReadOnlyList<string> firedPorts, JsonNode? value,
        IReadOnlyDictionary<string, JsonNode?>? portTokens = null)
    {
        foreach (var connection in node.Outbound)
        {
            var live = Contains(firedPorts, connection.SourcePort);
            // A loop that finishes does not kill its body: bodies live in their own frames.
            if (!live && connection.SourcePort == Ports.Iterate) continue;
            work.AddToken(new TokenState
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

    /// <summary>Where a token that left the queue goes.</summary>
    public Route Deliver(TokenState token, WorkflowGraph graph)
    {
        if (!work.HasFrame(token.FrameId)) return Route.None; // its body was torn down (Break, loop-back, finish)
        var node = graph[token.TargetActivity];
        var connection = token.Connection >= 0 ? node.Container!.Connections[token.Connection] : null;

        // A live token back at the loop's own In from inside its body ends the iteration.
        if (connection is not null && !token.Dead && work.IterationOf(token.FrameId, node.Id) is { } iteration)
            return Route.EndIteration(iteration);

        if (connection is null) return Route.Start(node, token.FrameId, [], token.Value);
        if (connection.IsBackEdge) return BackEdge(node, connection, token);
        return node.Join == JoinMode.None ? Single(node, connection, token) : Join(node, connection, token);
    }

    private Route BackEdge(GraphNode node, GraphConnection connection, TokenState token)
    {
        if (token.Dead) return Route.None; // a cycle that is left does not restart its head
        var key = $"{token.FrameId}/{node.Container!.Id}/{connection.Index}";
        var visits = state.Visits.TryGetValue(key, out var v) ? v + 1 : 1;
        state.Visits[key] = visits;
        var max = MaxVisits(node.Container);
        return visits > max
            ? Route.Fault(node, $"the cycle {connection.Source.Id} -> {node.Id} was entered more than {max} times (maxVisits); check the loop's exit condition")
            : Route.Start(node, token.FrameId, [Incoming(token)], token.Value);
    }

    private Route Single(GraphNode node, GraphConnection connection, TokenState token)
    {
        if (!token.Dead)
        {
            RemoveJoin(node.Id, token.FrameId);
            return Route.Start(node, token.FrameId, node.ForwardInboundCount > 1 ? [Incoming(token)] : [], token.Value);
        }

        // Dead from one side of a merge: it only matters once every inbound connection is dead.
        var join = GetJoin(node.Id, token.FrameId);
        if (!join.Arrivals.Exists(a => a.Connection == connection.Index))
            join.Arrivals.Add(new JoinArrival(connection.Index, true, token.SourceActivity, token.SourcePort, token.TargetPort, null));
        if (join.Arrivals.Count >= node.ForwardInboundCount)
        {
            RemoveJoin(node.Id, token.FrameId);
            Emit(node, token.FrameId, [], null);
        }
        return Route.None;
    }

    private Route Join(GraphNode node, GraphConnection connection, TokenState token)
    {
        var join = GetJoin(node.Id, token.FrameId);
        join.Arrivals.RemoveAll(a => a.Connection == connection.Index);
        join.Arrivals.Add(new JoinArrival(connection.Index, token.Dead, token.SourceActivity, token.SourcePort, token.TargetPort, token.Value));

        var route = Route.None;
        if (node.Join == JoinMode.WaitAny && !token.Dead && !join.Fired)
        {
            join.Fired = true;
            route = Route.Start(node, token.FrameId, [Incoming(token)], token.Value);
        }

        if (join.Arrivals.Count < node.ForwardInboundCount) return route;
        RemoveJoin(node.Id, token.FrameId);
        var live = join.Arrivals.Where(a => !a.Dead).OrderBy(a => a.Connection).ToList();
        if (node.Join == JoinMode.WaitAny)
        {
            if (!join.Fired) Emit(node, token.FrameId, [], null);
            return route;
        }
        if (live.Count == 0)
        {
            Emit(node, token.FrameId, [], null);
            return Route.None;
        }
        return Route.Start(node, token.FrameId, live.Select(a => new IncomingToken(a.SourceActivity, a.SourcePort, a.TargetPort, a.Value)).ToList(), live[0].Value);
    }

    /// <summary>Forgets the arrivals and cycle counts kept for a frame that ended.</summary>
    public void ForgetFrame(string frameId)
    {
        if (state.Joins.Count > 0) state.Joins.RemoveAll(j => j.FrameId == frameId);
        if (state.Visits.Count > 0)
            foreach (var key in state.Visits.Keys.Where(k => k.StartsWith(frameId + "/", StringComparison.Ordinal)).ToList())
                state.Visits.Remove(key);
    }

    private JoinState GetJoin(string activityId, string frameId)
    {
        foreach (var join in state.Joins)
            if (join.ActivityId == activityId && join.FrameId == frameId) return join;
        var created = new JoinState { ActivityId = activityId, FrameId = frameId };
        state.Joins.Add(created);
        return created;
    }

    private void RemoveJoin(string activityId, string frameId)
    {
        if (state.Joins.Count > 0) state.Joins.RemoveAll(j => j.ActivityId == activityId && j.FrameId == frameId);
    }

    private int MaxVisits(GraphNode container) =>
        container.Node.Inputs.TryGetValue("maxVisits", out var raw) && raw is JsonValue value && value.TryGetValue<int>(out var max)
            ? max : defaultMaxVisits;

    private static IncomingToken Incoming(TokenState token) => new(token.SourceActivity, token.SourcePort, token.TargetPort, token.Value);

    private static bool Contains(IReadOnlyList<string> ports, string port)
    {
        for (var i = 0; i < ports.Count; i++)
            if (ports[i] == port) return true;
        return false;
    }
}

/// <summary>What a delivered token asks the runner to do.</summary>
internal sealed record Route(RouteKind Kind, GraphNode? Node = null, string FrameId = "", IReadOnlyList<IncomingToken>? Incoming = null,
    JsonNode? Value = null, FrameState? Iteration = null, string? FaultMessage = null)
{
    public static readonly Route None = new(RouteKind.None);

    public static Route Start(GraphNode node, string frameId, IReadOnlyList<IncomingToken> incoming, JsonNode? value) =>
        new(RouteKind.Start, node, frameId, incoming, value);

    public static Route EndIteration(FrameState iteration) => new(RouteKind.EndIteration, Iteration: iteration);

    public static Route Fault(GraphNode node, string message) => new(RouteKind.Fault, node, FaultMessage: message);
}

internal enum RouteKind { None, Start, EndIteration, Fault }
