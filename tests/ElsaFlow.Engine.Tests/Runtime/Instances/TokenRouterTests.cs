using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime.Instances;

/// <summary>The token rules of ARCHITECTURE.md's "How a flowchart runs", on small compiled graphs.</summary>
public sealed class TokenRouterTests : IAsyncDisposable
{
    private const string Frame = "f1";
    private readonly EngineHarness _engine = new();
    private readonly WorkflowState _state = new();
    private readonly LiveWork _work;
    private readonly TokenRouter _router;

    public TokenRouterTests()
    {
        _work = new LiveWork(_state);
        _work.AddFrame(new FrameState { Id = Frame });
        _router = new TokenRouter(_state, _work, defaultMaxVisits: 3);
    }

    private WorkflowGraph Graph(string activities, string connections) => WorkflowGraph.Compile(_engine.Parse(
        """{"definitionId": "t", "root": {"id": "root", "type": "Flowchart", "activities": [""" + activities + """], "connections": [""" + connections + "]}}"),
        _engine.Registry);

    private static string Link(string from, string to, string port = "Done", string toPort = "In") =>
        $$$"""{"source": {"activity": "{{{from}}}", "port": "{{{port}}}"}, "target": {"activity": "{{{to}}}", "port": "{{{toPort}}}"}}""";

    private List<TokenState> Drain()
    {
        var tokens = new List<TokenState>();
        while (_work.TokenCount > 0) tokens.Add(_work.TakeToken());
        return tokens;
    }

    [Fact]
    public void Emit_IfOnTrue_SendsALiveTokenToTrueAndADeadOneToFalse()
    {
        var graph = Graph("""{"id": "if", "type": "If", "condition": "true"}, {"id": "yes", "type": "Log", "message": "y"}, {"id": "no", "type": "Log", "message": "n"}""",
            Link("if", "yes", "True") + "," + Link("if", "no", "False"));

        _router.Emit(graph["if"], Frame, ["True"], System.Text.Json.Nodes.JsonValue.Create(7));

        var tokens = Drain();
        Assert.Equal(2, tokens.Count);
        Assert.False(tokens.Single(t => t.TargetActivity == "yes").Dead);
        Assert.Equal(7, tokens.Single(t => t.TargetActivity == "yes").Value!.GetValue<int>());
        Assert.True(tokens.Single(t => t.TargetActivity == "no").Dead);
    }

    [Fact]
    public void Deliver_WaitAllJoin_StartsOnceEveryBranchArrivedWithOnlyTheLiveOnes()
    {
        var graph = Graph("""{"id": "a", "type": "Log", "message": "a"}, {"id": "b", "type": "Log", "message": "b"}, {"id": "j", "type": "Join"}, {"id": "c", "type": "Log", "message": "c"}""",
            Link("a", "j") + "," + Link("b", "j") + "," + Link("j", "c"));
        _router.Emit(graph["a"], Frame, ["Done"], System.Text.Json.Nodes.JsonValue.Create("from a"));
        _router.Emit(graph["b"], Frame, [], null);
        var (live, dead) = (_work.TakeToken(), _work.TakeToken());

        var first = _router.Deliver(live, graph);
        var second = _router.Deliver(dead, graph);

        Assert.Equal(RouteKind.None, first.Kind);
        Assert.Equal(RouteKind.Start, second.Kind);
        Assert.Equal("j", second.Node!.Id);
        Assert.Equal("a", Assert.Single(second.Incoming!).SourceActivity);
        Assert.Empty(_state.Joins);
    }

    [Fact]
    public void Deliver_EveryBranchDead_PassesTheDeadTokenOn()
    {
        var graph = Graph("""{"id": "a", "type": "Log", "message": "a"}, {"id": "b", "type": "Log", "message": "b"}, {"id": "j", "type": "Join"}, {"id": "c", "type": "Log", "message": "c"}""",
            Link("a", "j") + "," + Link("b", "j") + "," + Link("j", "c"));
        _router.Emit(graph["a"], Frame, [], null);
        _router.Emit(graph["b"], Frame, [], null);

        Assert.Equal(RouteKind.None, _router.Deliver(_work.TakeToken(), graph).Kind);
        Assert.Equal(RouteKind.None, _router.Deliver(_work.TakeToken(), graph).Kind);

        var passed = Assert.Single(Drain());
        Assert.Equal("c", passed.TargetActivity);
        Assert.True(passed.Dead);
    }

    [Fact]
    public void Deliver_BackEdgeMoreOftenThanMaxVisits_Faults()
    {
        var graph = Graph("""{"id": "a", "type": "Log", "message": "a"}, {"id": "b", "type": "Log", "message": "b"}""",
            Link("a", "b") + "," + Link("b", "a"));

        var routes = Enumerable.Range(0, 4).Select(_ =>
        {
            _router.Emit(graph["b"], Frame, ["Done"], null);
            return _router.Deliver(_work.TakeToken(), graph);
        }).ToList();

        Assert.All(routes.Take(3), r => Assert.Equal(RouteKind.Start, r.Kind));
        Assert.Equal(RouteKind.Fault, routes[3].Kind);
        Assert.Contains("more than 3 times", routes[3].FaultMessage);
    }

    [Fact]
    public void Deliver_TokenOfATornDownFrame_IsDropped()
    {
        var graph = Graph("""{"id": "a", "type": "Log", "message": "a"}""", "");

        var route = _router.Deliver(new TokenState { TargetActivity = "a", FrameId = "gone" }, graph);

        Assert.Equal(RouteKind.None, route.Kind);
    }

    [Fact]
    public void Deliver_LiveTokenBackAtTheLoopsIn_EndsTheIteration()
    {
        var graph = Graph("""{"id": "loop", "type": "For", "from": 1, "to": 2}, {"id": "body", "type": "Log", "message": "x"}""",
            Link("loop", "body", "Iterate") + "," + Link("body", "loop"));
        _work.AddFrame(new FrameState { Id = "it", ParentId = Frame, IsIteration = true, OwnerActivityId = "loop" });
        _router.Emit(graph["body"], "it", ["Done"], null);

        var route = _router.Deliver(_work.TakeToken(), graph);

        Assert.Equal(RouteKind.EndIteration, route.Kind);
        Assert.Equal("it", route.Iteration!.Id);
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
