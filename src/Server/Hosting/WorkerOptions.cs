namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow:Worker" section: what a node that runs activities takes.</summary>
public sealed class WorkerOptions
{
    /// <summary>Worker groups whose pinned activities it takes, besides unpinned ones (<c>--group</c>).</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Activities it runs at the same time at most (<c>--concurrency</c>).</summary>
    public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>On SIGTERM, how long running activities may finish before they are handed back to the queue (<c>--drain</c>).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
