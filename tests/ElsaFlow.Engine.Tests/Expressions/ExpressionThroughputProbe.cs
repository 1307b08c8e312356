using System.Diagnostics;
using ElsaFlow.Engine.Expressions;
using Xunit.Abstractions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

/// <summary>A manual throughput check, not a timed test: it only measures when ELSAFLOW_PROBE=1 is set.</summary>
public sealed class ExpressionThroughputProbe(ITestOutputHelper output)
{
    [Fact]
    public void Measure_LoopConditionAndIncrement_ReportsEvaluationsPerSecond()
    {
        if (Environment.GetEnvironmentVariable("ELSAFLOW_PROBE") != "1") return;
        using var engine = new ExpressionEngine();
        var scope = Scope(variables: """{"i": 0}""");
        var condition = Js("variables.i < 10000");
        var increment = Js("variables.i = variables.i + 1");
        var first = Stopwatch.StartNew();
        engine.Evaluate(condition, scope, "condition");
        output.WriteLine($"first evaluation (engine start, parse, JIT): {first.Elapsed.TotalMilliseconds:N0} ms");

        for (var round = 0; round < 4; round++)
        {
            scope.Variables["i"] = 0;
            var watch = Stopwatch.StartNew();
            var evaluations = 0;
            while (watch.ElapsedMilliseconds < 2000)
            {
                engine.Evaluate(condition, scope, "condition");
                engine.Evaluate(increment, scope, "increment");
                evaluations += 2;
            }
            output.WriteLine($"round {round}: {evaluations / watch.Elapsed.TotalSeconds:N0} evaluations/s, i = {scope.Variables["i"]}");
        }
    }
}
