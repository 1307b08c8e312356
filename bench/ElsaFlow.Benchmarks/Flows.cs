namespace ElsaFlow.Benchmarks;

/// <summary>The flows the benchmarks run, in the native JSON format.</summary>
internal static class Flows
{
    public const int LoopIterations = 10_000;

    /// <summary>While(i &lt; 10000) -Iterate-> If(i % 2 == 0) -True/False-> SetVariable(i = i + 1).</summary>
    public const string Loop = """
        {"definitionId": "bench-loop", "variables": [{"name": "i", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "While", "condition": "variables.i < 10000", "maxIterations": 10000},
           {"id": "check", "type": "If", "condition": "variables.i % 2 == 0"},
           {"id": "even", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}},
           {"id": "odd", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}}
         ],
         "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "check", "port": "In"}},
           {"source": {"activity": "check", "port": "True"}, "target": {"activity": "even", "port": "In"}},
           {"source": {"activity": "check", "port": "False"}, "target": {"activity": "odd", "port": "In"}}
         ]}}
        """;

    /// <summary>Expected ActivityCompleted entries of <see cref="Loop"/>: the While, If + SetVariable per iteration, the root.</summary>
    public const int LoopActivities = 1 + 2 * LoopIterations + 1;

    /// <summary>A Sequence of five activities: Log, SetVariable, If, SetVariable, Log.</summary>
    public const string FiveSteps = """
        {"definitionId": "bench-five", "variables": [{"name": "n", "value": 0}, {"name": "size", "value": ""}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "hello", "type": "Log", "message": "start ${n}"},
           {"id": "set", "type": "SetVariable", "variable": "n", "value": {"expression": {"type": "JavaScript", "value": "variables.n + 5"}}},
           {"id": "check", "type": "If", "condition": "variables.n > 3"},
           {"id": "label", "type": "SetVariable", "variable": "size", "value": "big"},
           {"id": "bye", "type": "Log", "message": "n=${n} size=${size}"}
         ]}}
        """;

    /// <summary>Expected ActivityCompleted entries of <see cref="FiveSteps"/>: five children and the root.</summary>
    public const int FiveStepsActivities = 6;
}
