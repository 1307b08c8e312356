using System.Diagnostics;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

/// <summary>The three attacks of issue 10 item 7, and their neighbours: each must stop fast, with the limit named, and leave no memory behind.</summary>
public sealed class ExpressionLimitTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    [Fact]
    public void Evaluate_LiquidHugeRange_RefusedBeforeBuildingIt()
    {
        using var engine = new ExpressionEngine();

        var (error, elapsed, retained) = Attack(() => engine.Evaluate(Liquid("{% for i in (1..100000000) %}{% endfor %}"), FlowScope(), "message"));

        Assert.Equal("message", error.Field);
        Assert.Equal("Liquid range of 100,000,000 numbers is longer than 1,000,000, the step limit (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
        Assert.True(retained < 32 * 1024 * 1024, $"kept {retained:N0} bytes");
    }

    [Fact]
    public void Evaluate_LiquidNestedLoops_StopAtStepLimit()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { LiquidMaxSteps = 10_000 });

        var (error, elapsed, _) = Attack(() => engine.Evaluate(
            Liquid("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}"), FlowScope(), "message"));

        Assert.Equal("Liquid stopped after 10,000 steps, the limit (an endless loop?) (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
    }

    [Fact]
    public void Evaluate_LiquidLargeOutput_StopsAtOutputLimit()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { LiquidMaxOutputChars = 1_000 });

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Liquid("{% for i in (1..500) %}xyz{% endfor %}"), FlowScope(), "message"));

        Assert.Equal("Liquid output is longer than 1,000 characters, the output limit (flow 'report', activity 'log1')", error.Problem);
    }

    [Fact]
    public void Evaluate_LiquidDoublingAssign_StopsAtOutputLimit()
    {
        using var engine = new ExpressionEngine();

        var (error, elapsed, retained) = Attack(() => engine.Evaluate(
            Liquid("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}"), FlowScope(), "message"));

        Assert.Equal("Liquid assigned value is longer than 4,000,000 characters, the output limit (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
        Assert.True(retained < 32 * 1024 * 1024, $"kept {retained:N0} bytes");
    }

    [Fact]
    public void Evaluate_LiquidSlowRender_StopsAtTimeout()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(200), LiquidMaxSteps = 0 });

        var (error, elapsed, _) = Attack(() => engine.Evaluate(
            Liquid("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}"), FlowScope(), "message"));

        Assert.Equal("Liquid ran longer than 0.2 s, the limit (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
    }

    [Fact]
    public void Evaluate_LiquidWithinLimits_StillRenders()
    {
        using var engine = new ExpressionEngine();

        var result = engine.Evaluate(Liquid("{% for i in (1..3) %}{{ i }}{% endfor %} {{ inputs.name }}"), Scope(inputs: """{"name":"Ada"}"""), "message");

        Assert.Equal("123 Ada", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_JavaScriptRepeat_RefusedBeforeAllocating()
    {
        using var engine = new ExpressionEngine();

        var (error, elapsed, retained) = Attack(() => engine.Evaluate(Js("'x'.repeat(2**27)"), FlowScope(), "value"));

        Assert.Equal("value", error.Field);
        Assert.Equal("JavaScript repeat would allocate 256 MB, more than the memory limit of 64 MB (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
        Assert.True(retained < 32 * 1024 * 1024, $"kept {retained:N0} bytes");
    }

    [Theory]
    [InlineData("'x'.padEnd(2**27)", "JavaScript padEnd would allocate 256 MB")]
    [InlineData("'x'.padStart(2**27)", "JavaScript padStart would allocate 256 MB")]
    [InlineData("let s = 'x'.repeat(2**20); Array(40).fill(s).join('')", "JavaScript join would allocate")]
    [InlineData("Array(2**24).join('x')", "JavaScript array longer than 1,000,000 elements, the limit")]
    [InlineData("'x'.repeat(2**10).replaceAll('x', 'y'.repeat(2**17))", "JavaScript allocated 25")]
    public void Evaluate_JavaScriptSingleLargeAllocation_Refused(string source, string expected)
    {
        using var engine = new ExpressionEngine();

        var (error, elapsed, retained) = Attack(() => engine.Evaluate(Js(source), FlowScope(), "value"));

        Assert.StartsWith(expected, error.Problem);
        Assert.EndsWith("(flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < Fast, $"took {elapsed}");
        Assert.True(retained < 32 * 1024 * 1024, $"kept {retained:N0} bytes");
    }

    [Theory]
    [InlineData("new ArrayBuffer(2**30)")]
    [InlineData("new Uint8Array(2**29)")]
    public void Evaluate_JavaScriptBinaryBuffers_AreNotThere(string source)
    {
        using var engine = new ExpressionEngine();

        var error = Assert.Throws<ExpressionException>(() => engine.Evaluate(Js(source), Scope(), "value"));

        Assert.Contains("ReferenceError", error.Problem);
    }

    [Theory]
    [InlineData("Object.values(Object.getOwnPropertyDescriptors(this)).map(d => d.value)")]
    [InlineData("''.constructor.constructor('return 1')()")]
    [InlineData("(x => x)['call']")]
    [InlineData("new ArrayBuffer(8)")]
    public void AllocationGuard_IsInstalledForAnyScriptThatCouldReachWhatItGuards(string source) =>
        Assert.True(JavaScriptAllocationGuard.IsNeededFor(source));

    [Fact]
    public void Evaluate_PlainScriptsFirst_TheGuardStillHoldsForALaterRepeat()
    {
        using var engine = new ExpressionEngine();
        Assert.False(JavaScriptAllocationGuard.IsNeededFor("variables.n + 5 > 3 && inputs.name.length < 10"));
        engine.Evaluate(Js("1 + 2"), FlowScope(), "value");

        var (error, _, _) = Attack(() => engine.Evaluate(Js("'x'.repeat(2**27)"), FlowScope(), "value"));

        Assert.StartsWith("JavaScript repeat would allocate 256 MB", error.Problem);
    }

    [Fact]
    public void Evaluate_JavaScriptCatastrophicRegex_StopsAtTimeout()
    {
        using var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var (error, elapsed, _) = Attack(() => engine.Evaluate(Js("/^(a+)+$/.test('a'.repeat(5000) + 'b')"), FlowScope(), "condition"));

        Assert.Equal("condition", error.Field);
        Assert.Equal("JavaScript regular expression ran longer than 0.3 s, the limit (a pattern that backtracks?) (flow 'report', activity 'log1')", error.Problem);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    [Fact]
    public void Evaluate_JavaScriptWithinLimits_StillWorks()
    {
        using var engine = new ExpressionEngine();

        var result = engine.Evaluate(Js("['a','b'].join('-') + 'x'.repeat(3) + 'y'.padStart(3, '.') + /^(a+)+$/.test('aaa')"), Scope(), "value");

        Assert.Equal("a-bxxx..ytrue", result!.GetValue<string>());
    }

    private static ExpressionScope FlowScope() => new()
    {
        Inputs = new JsonObject(), Variables = new JsonObject(), Outputs = new Dictionary<string, JsonNode?>(),
        DefinitionId = "report", ActivityId = "log1"
    };

    private static Expression Liquid(string text) => new(ExpressionTypes.Liquid, text);

    // The error, how long it took, and how much managed memory is still held after a full collection.
    private static (ExpressionException Error, TimeSpan Elapsed, long Retained) Attack(Action evaluate)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ExpressionException>(evaluate);
        var elapsed = watch.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        return (error, elapsed, retained);
    }
}
