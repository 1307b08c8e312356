namespace ElsaFlow.Benchmarks;

/// <summary>Fixed notes under the engine table: where the time goes (filled in from profiling).</summary>
internal static class EngineNotes
{
    public const string Text = "";
}
