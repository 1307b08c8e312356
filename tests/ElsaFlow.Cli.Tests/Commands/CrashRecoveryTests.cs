using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary>A run killed mid-activity is continued by <c>elsaflow resume ID</c> in a new process, without repeating finished work.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Resume_AfterRunWasKilledInsideAnActivity_FinishesWithEachActivityCompletedOnce()
    {
        var plugins = Directory.CreateDirectory(_cli.PathOf("plugins")).FullName;
        File.Copy(Path.Combine(CliWorkspace.PluginsSource, "ElsaFlow.TestPlugins.dll"), Path.Combine(plugins, "ElsaFlow.TestPlugins.dll"));
        var signal = _cli.PathOf("c.started");
        var block = _cli.PathOf("c.block");
        File.WriteAllText(block, "");
        var flow = _cli.WriteFlow("crash.json", Flows.Crash(signal, block));

        // The run reaches c, signals, and blocks: kill it there, as a power cut or OOM kill would.
        string instanceId;
        using (var run = _cli.Start("run", flow, "--plugins", plugins))
        {
            instanceId = await CliWorkspace.ReadInstanceIdAsync(run);
            await CliWorkspace.WaitForFileAsync(signal, run);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        var killed = (await _cli.OpenStore().GetInstanceAsync(instanceId))!;
        Assert.Equal(WorkflowStatus.Running, killed.Status);
        File.Delete(block);

        var resumed = await _cli.RunAsync("resume", instanceId, "--plugins", plugins);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var store = _cli.OpenStore();
        Assert.Equal(WorkflowStatus.Finished, (await store.GetInstanceAsync(instanceId))!.Status);
        var completed = (await store.GetJournalAsync(instanceId))
            .Where(e => e.Kind == JournalKind.ActivityCompleted)
            .GroupBy(e => e.ActivityId!)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 1, ["d"] = 1, ["root"] = 1 }, completed);
        // c was in flight when the process died, so it ran again: that is the promised at-least-once.
        Assert.Equal(2, File.ReadAllLines(signal).Length);
    }

    [Fact]
    public async Task Resume_AfterRunWasKilledDuringADelay_SchedulesTheTimerAndExits0()
    {
        var flow = _cli.WriteFlow("longer-nap.json", Flows.LongerDelay);
        string instanceId;
        using (var run = _cli.Start("run", flow))
        {
            instanceId = CliWorkspace.InstanceId(await CliWorkspace.ReadUntilAsync(run, "waiting   nap"));
            // Progress is printed as the journal line is made, a moment before the commit: kill once the wait is stored.
            await WaitForStatusAsync(instanceId, WorkflowStatus.Suspended);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        Assert.Equal(WorkflowStatus.Suspended, (await _cli.OpenStore().GetInstanceAsync(instanceId))!.Status);

        var resumed = await _cli.RunAsync("resume", instanceId);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("completed wake (SetVariable)", resumed.StdOut);
        Assert.Contains($"instance {instanceId} finished", resumed.StdOut);
    }

    private async Task WaitForStatusAsync(string instanceId, WorkflowStatus status)
    {
        var store = _cli.OpenStore();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await store.GetInstanceAsync(instanceId))?.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"instance {instanceId} never became {status}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _cli.Dispose();
}
