using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

public sealed class JavaScriptExpressionTests : IDisposable
{
    private readonly ExpressionEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private string Eval(string source, ExpressionScope scope) => _engine.Evaluate(Js(source), scope, "value")?.ToJsonString() ?? "<null>";

    [Fact]
    public void Evaluate_InputArithmetic_KeepsIntegerNumber()
    {
        var result = Eval("inputs.x + 1", Scope(inputs: """{"x": 4}"""));

        Assert.Equal("5", result);
    }

    [Fact]
    public void Evaluate_Fraction_ReturnsDouble()
    {
        Assert.Equal("2.5", Eval("inputs.x / 2", Scope(inputs: """{"x": 5}""")));
    }

    [Fact]
    public void Evaluate_IfStatement_ReturnsLastExpressionValue()
    {
        var scope = Scope(inputs: """{"a": false}""");

        Assert.Equal("2", Eval("if (inputs.a) { 1 } else { 2 }", scope));
    }

    [Fact]
    public void Evaluate_LetDeclaredTwiceOnOneEngine_DoesNotCollide()
    {
        var scope = Scope(variables: """{"n": 1}""");

        Eval("let t = variables.n; t + 1", scope);
        var result = Eval("let t = variables.n; t + 2", scope);

        Assert.Equal("3", result);
    }

    [Fact]
    public void Evaluate_AssignExistingVariable_WritesScopeVariables()
    {
        var scope = Scope(variables: """{"total": 10}""");

        var result = Eval("variables.total = variables.total + 5", scope);

        Assert.Equal("15", result);
        Assert.Equal("""{"total":15}""", scope.Variables.ToJsonString());
    }

    [Fact]
    public void Evaluate_AssignNewVariableAndNestedObject_WritesScopeVariables()
    {
        var scope = Scope(variables: """{"customer": {"name": "Ann", "tags": ["a"]}}""");

        Eval("variables.newName = 1; variables.customer.name = 'Bo'; variables.customer.tags.push('b'); variables.address = {city: 'Oslo', zip: [1, 2]}", scope);

        Assert.Equal("""{"customer":{"name":"Bo","tags":["a","b"]},"newName":1,"address":{"city":"Oslo","zip":[1,2]}}""", scope.Variables.ToJsonString());
    }

    [Fact]
    public void Evaluate_AssignedObjectThenChanged_ChangeReachesVariables()
    {
        var scope = Scope();

        Eval("variables.order = {qty: 1}; variables.order.qty = variables.order.qty + 1", scope);

        Assert.Equal("""{"order":{"qty":2}}""", scope.Variables.ToJsonString());
    }

    [Fact]
    public void Evaluate_ReorderArrayOfObjects_WritesReorderedArray()
    {
        var scope = Scope(variables: """{"rows": [{"n": 1}, {"n": 2}, {"n": 3}]}""");

        Eval("variables.rows.reverse(); variables.rows[0].n = 30", scope);

        Assert.Equal("""{"rows":[{"n":30},{"n":2},{"n":1}]}""", scope.Variables.ToJsonString());
    }

    [Fact]
    public void Evaluate_ArrayMethods_ReturnNewArrayAndLeaveSourceAlone()
    {
        var scope = Scope(variables: """{"xs": [1, 2, 3]}""");

        var result = Eval("variables.xs.filter(x => x > 1).map(x => x * 2)", scope);

        Assert.Equal("[4,6]", result);
        Assert.Equal("""{"xs":[1,2,3]}""", scope.Variables.ToJsonString());
        Assert.Equal("true", Eval("Array.isArray(variables.xs)", scope));
    }

    [Fact]
    public void Evaluate_DeleteVariable_RemovesIt()
    {
        var scope = Scope(variables: """{"a": 1, "b": 2}""");

        Eval("delete variables.a", scope);

        Assert.Equal("""{"b":2}""", scope.Variables.ToJsonString());
    }

    [Fact]
    public void Evaluate_VariablesChangedOutsideBetweenEvaluations_SeesNewValue()
    {
        var scope = Scope(variables: """{"i": 1}""");
        Eval("variables.i", scope);

        scope.Variables["i"] = 41;
        var result = Eval("variables.i + 1", scope);

        Assert.Equal("42", result);
    }

    [Fact]
    public void Evaluate_VariablesEnumerated_ListsKeysAndSerializes()
    {
        var scope = Scope(variables: """{"a": 1, "b": "x"}""");

        Assert.Equal("\"a,b\"", Eval("Object.keys(variables).join(',')", scope));
        Assert.Equal("""{"a":1,"b":"x"}""", JsonNode.Parse(Eval("JSON.stringify(variables)", scope))!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_AssignInput_ThrowsReadOnlyError()
    {
        var scope = Scope(inputs: """{"x": 1}""");

        var error = Assert.Throws<ExpressionException>(() => Eval("inputs.x = 2", scope));

        Assert.Contains("TypeError: inputs, outputs, incoming, item and row are read-only; assign to variables instead", error.Message);
        Assert.Equal("""{"x":1}""", scope.Inputs.ToJsonString());
    }

    [Fact]
    public void Evaluate_OutputsAndIncoming_ReadsThem()
    {
        var outputs = new Dictionary<string, JsonNode?> { ["load1"] = JsonNode.Parse("""{"rowCount": 12, "columns": ["a", "b"]}""") };
        var scope = Scope(outputs: outputs, incoming: JsonNode.Parse("""{"id": 7}"""));

        Assert.Equal("19", Eval("outputs.load1.rowCount + incoming.id", scope));
        Assert.Equal("\"b\"", Eval("outputs.load1.columns[1]", scope));
    }

    [Fact]
    public void Evaluate_LoopNames_ReadItemIndexRow()
    {
        var loop = new LoopItem(JsonValue.Create("apple"), 3, JsonNode.Parse("""{"amount": 2.5}"""));

        var result = Eval("item + ':' + index + ':' + row.amount", Scope(loop: loop));

        Assert.Equal("\"apple:3:2.5\"", result);
    }

    [Fact]
    public void Evaluate_OutsideLoopAfterLoop_ItemIsUndefined()
    {
        Eval("item", Scope(loop: new LoopItem(JsonValue.Create(1), 0)));

        Assert.Equal("\"undefined\"", Eval("typeof item + ''", Scope()));
        Assert.Equal("\"undefined\"", Eval("typeof index", Scope()));
    }

    [Fact]
    public void Evaluate_ObjectResult_ReturnsCopyOfJson()
    {
        var scope = Scope(variables: """{"o": {"a": [1, 2.5, "x", true, null]}}""");

        var result = _engine.Evaluate(Js("variables.o"), scope, "value");

        Assert.Equal("""{"a":[1,2.5,"x",true,null]}""", result!.ToJsonString());
        Assert.NotSame(scope.Variables["o"], result);
    }

    [Fact]
    public void Evaluate_DateResult_ReturnsIsoText()
    {
        Assert.Equal("\"2024-05-06T07:08:09.000Z\"", Eval("new Date(Date.UTC(2024, 4, 6, 7, 8, 9))", Scope()));
    }

    [Fact]
    public void Evaluate_UndefinedResult_ReturnsNull()
    {
        Assert.Null(_engine.Evaluate(Js("undefined"), Scope(), "value"));
    }

    [Fact]
    public void Evaluate_MathObject_Works()
    {
        Assert.Equal("3", Eval("Math.max(1, 3, 2)", Scope()));
    }
}
