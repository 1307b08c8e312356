namespace ElsaFlow.Benchmarks;

/// <summary>One row of BENCHMARKS.md.</summary>
internal sealed record BenchResult(string Name, string What, string How, string Result, string Target, bool? Passed)
{
    public string Verdict => Passed switch { true => "pass", false => "**FAIL**", null => "info" };
}
