using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

public sealed class ExpressionEngineTests : IDisposable
{
    private readonly IExpressionEngine _engine = new ExpressionEngineFactory().Create();

    public void Dispose() => _engine.Dispose();

    private JsonNode? Eval(string type, string value, ExpressionScope scope) => _engine.Evaluate(new Expression(type, value), scope, "value");

    [Fact]
    public void Evaluate_Literal_ReturnsTextWithPlaceholdersFilled()
    {
        var result = Eval(ExpressionTypes.Literal, "Hello ${name}, you are ${age}", Scope(inputs: """{"name": "Ann", "age": 40}"""));

        Assert.Equal("Hello Ann, you are 40", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_Variable_ReturnsCopyOfValue()
    {
        var scope = Scope(variables: """{"order": {"qty": 3}}""");

        var result = Eval(ExpressionTypes.Variable, "order", scope);

        Assert.Equal("""{"qty":3}""", result!.ToJsonString());
        Assert.NotSame(scope.Variables["order"], result);
    }

    [Fact]
    public void Evaluate_UnknownVariable_ThrowsNamingIt()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(ExpressionTypes.Variable, "missing", Scope()));

        Assert.Equal("value: no variable named 'missing'", error.Message);
    }

    [Fact]
    public void Evaluate_Liquid_RendersScopeNamesAndFilters()
    {
        var outputs = new Dictionary<string, JsonNode?> { ["load"] = JsonNode.Parse("""{"rowCount": 12}""") };
        var scope = Scope(inputs: """{"x": "abc"}""", variables: """{"name": "Ann", "tags": ["a", "b"]}""", outputs: outputs,
            incoming: JsonNode.Parse("""{"id": 7}"""), loop: new LoopItem(JsonNode.Parse("""{"sku": "K1"}"""), 2, JsonNode.Parse("""{"amount": 5}""")));

        var result = Eval(ExpressionTypes.Liquid,
            "{{ variables.name }} {{ inputs.x | upcase }} {{ outputs.load.rowCount }} {{ incoming.id }} {{ item.sku }} {{ index }} {{ row.amount }} {% for t in variables.tags %}[{{ t }}]{% endfor %}",
            scope);

        Assert.Equal("Ann ABC 12 7 K1 2 5 [a][b]", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_LiquidSyntaxError_ThrowsWithFluidMessage()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(ExpressionTypes.Liquid, "{% if %}", Scope()));

        Assert.StartsWith("value: Liquid syntax error: ", error.Message);
        Assert.Contains("(1:", error.Problem);
    }

    [Fact]
    public void Evaluate_LiquidEndlessLoop_StopsAtStepLimit()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(ExpressionTypes.Liquid, "{% for i in (1..2000) %}{% for j in (1..2000) %}x{% endfor %}{% endfor %}", Scope()));

        // Steps or time, whichever comes first on this machine.
        Assert.Matches("^value: Liquid (stopped after 1,000,000 steps|ran longer than 5 s), the limit", error.Message);
    }

    [Fact]
    public void Evaluate_Sql_QuotesPlaceholderValues()
    {
        var scope = Scope(inputs: """{"name": "O'Brien", "limit": 10, "active": true, "since": null, "ratio": 0.25}""");

        var result = Eval(ExpressionTypes.Sql, "SELECT * FROM t WHERE name = ${name} AND active = ${active} AND since IS ${since} AND r > ${ratio} LIMIT ${limit}", scope);

        Assert.Equal("SELECT * FROM t WHERE name = 'O''Brien' AND active = TRUE AND since IS NULL AND r > 0.25 LIMIT 10", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_UnknownType_ThrowsListingKnownTypes()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval("Python", "1", Scope()));

        Assert.Equal("value: unknown expression type 'Python'; known types: JavaScript, Liquid, Literal, Sql, Variable", error.Message);
    }
}
