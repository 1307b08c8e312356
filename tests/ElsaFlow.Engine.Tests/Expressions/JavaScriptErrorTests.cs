using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

public sealed class JavaScriptErrorTests
{
    [Fact]
    public void Evaluate_SyntaxError_NamesFieldLineAndColumn()
    {
        using var engine = new ExpressionEngine();

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("x = (1 +;"), Scope(), "condition"));

        Assert.Equal("condition", error.Field);
        Assert.Equal("JavaScript syntax error: Unexpected token ';' (line 1, column 9)", error.Problem);
        Assert.StartsWith("condition: ", error.Message);
    }

    [Fact]
    public void Evaluate_ReferenceErrorOnSecondLine_ReportsJavaScriptMessageAndPosition()
    {
        using var engine = new ExpressionEngine();

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("let a = 1;\n  nope + a"), Scope(), "value"));

        Assert.Equal("JavaScript error: ReferenceError: nope is not defined (line 2, column 3)", error.Problem);
    }

    [Fact]
    public void Evaluate_TypeError_ReportsJavaScriptMessage()
    {
        using var engine = new ExpressionEngine();

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("variables.missing.x"), Scope(), "value"));

        Assert.Contains("TypeError: Cannot read properties of undefined (reading 'x')", error.Problem);
    }

    [Fact]
    public void Evaluate_EndlessLoop_StopsAtStatementLimit()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { MaxStatements = 1_000 });

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("while(true){}"), Scope(), "value"));

        Assert.Equal("JavaScript stopped after 1,000 statements, the limit (an endless loop?)", error.Problem);
    }

    [Fact]
    public void Evaluate_EndlessLoop_StopsAtTimeout()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { MaxStatements = 0, Timeout = TimeSpan.FromMilliseconds(100) });

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("while(true){}"), Scope(), "value"));

        Assert.Equal("JavaScript ran longer than 0.1 s, the limit (an endless loop?)", error.Problem);
    }

    [Fact]
    public void Evaluate_AfterLimitError_EngineStillWorks()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { MaxStatements = 1_000 });
        Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("while(true){}"), Scope(), "value"));

        var result = engine.Evaluate(Js("1 + 1"), Scope(), "value");

        Assert.Equal("2", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_DeepRecursion_StopsAtRecursionLimit()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { MaxRecursionDepth = 20 });

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js("function f(n) { return f(n + 1); } f(0)"), Scope(), "value"));

        Assert.Equal("JavaScript calls nested deeper than 20, the limit", error.Problem);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "ReferenceError: System is not defined")]
    [InlineData("importNamespace('System.IO')", "ReferenceError: importNamespace is not defined")]
    public void Evaluate_ClrAccess_IsUndefined(string source, string expected)
    {
        using var engine = new ExpressionEngine();

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js(source), Scope(), "value"));

        Assert.Contains(expected, error.Problem);
    }
}
