using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

/// <summary>JavaScript engines serve the next instance only when nothing of the last one can be seen in them.</summary>
public sealed class JavaScriptEnginePoolTests
{
    private readonly ExpressionEngineFactory _factory = new();

    private JsonNode? RunInstance(string source, ExpressionScope? scope = null)
    {
        using var engine = _factory.Create();
        return engine.Evaluate(Js(source), scope ?? Scope(), "value");
    }

    [Theory]
    [InlineData("variables.n + 5")]
    [InlineData("variables.n > 3 && inputs.name !== 'x' ? `big ${variables.n}` : null")]
    [InlineData("[variables.n, { a: inputs.name, b: -variables.n }]")]
    [InlineData("typeof variables.missing === 'undefined' || outputs.step?.rows")]
    public void LeavesNoTrace_ReadsAndOperators_True(string source)
    {
        Assert.True(PreparedScripts.Get(source, "value").LeavesNoTrace);
    }

    [Theory]
    [InlineData("var leaked = 1")]
    [InlineData("leaked = 1")]
    [InlineData("variables.n = 1")]
    [InlineData("variables.n++")]
    [InlineData("delete variables.n")]
    [InlineData("Math.max(1, 2)")]
    [InlineData("new Date()")]
    [InlineData("(() => 1)")]
    [InlineData("({ get x() { return 1; } })")]
    [InlineData("[...variables.list]")]
    [InlineData("let a = 1; a")]
    public void LeavesNoTrace_CallsAssignmentsDeclarationsFunctions_False(string source)
    {
        Assert.False(PreparedScripts.Get(source, "value").LeavesNoTrace);
    }

    [Fact]
    public void Create_AfterInstanceThatReadOnly_ReusesEngineWithNewScope()
    {
        RunInstance("variables.n + 1", Scope(variables: """{"n": 1}""", loop: new LoopItem("first", 0)));
        Assert.Equal(1, _factory.IdleJavaScriptEngines);

        var result = RunInstance("`${variables.n} ${typeof item} ${typeof inputs.secret}`", Scope(variables: """{"n": 2}"""));

        Assert.Equal("2 undefined undefined", result!.GetValue<string>());
        Assert.Equal(1, _factory.IdleJavaScriptEngines);
    }

    [Fact]
    public void Create_AfterInstanceThatDeclaredGlobal_DoesNotSeeIt()
    {
        RunInstance("var leaked = 'secret'; Object.prototype.polluted = 1; leaked");

        var result = RunInstance("typeof leaked + ' ' + typeof ({}).polluted");

        Assert.Equal("undefined undefined", result!.GetValue<string>());
    }

    [Fact]
    public void Dispose_AfterScriptThatMayLeaveTrace_DoesNotKeepEngine()
    {
        RunInstance("variables.n = 2", Scope(variables: """{"n": 1}"""));

        Assert.Equal(0, _factory.IdleJavaScriptEngines);
    }

    [Fact]
    public void Dispose_AfterFailedEvaluation_DoesNotKeepEngine()
    {
        Assert.Throws<ExpressionException>(() => RunInstance("variables.missing.deeper"));

        Assert.Equal(0, _factory.IdleJavaScriptEngines);
    }

    [Fact]
    public void Dispose_AfterAllocationGuardInstalled_DoesNotKeepEngine()
    {
        RunInstance("inputs.list[0]", Scope(inputs: """{"list": [1]}"""));

        Assert.Equal(0, _factory.IdleJavaScriptEngines);
    }

    [Fact]
    public void Create_PooledEngine_KeepsLimits()
    {
        var factory = new ExpressionEngineFactory(new ExpressionOptions { MaxStatements = 1_000 });
        using (var first = factory.Create()) first.Evaluate(Js("variables.n"), Scope(variables: """{"n": 1}"""), "value");
        using var second = factory.Create();

        var error = Assert.Throws<ExpressionException>(() => second.Evaluate(Js("while (true) {}"), Scope(), "value"));

        Assert.Contains("1,000", error.Message);
    }
}
