using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary>A data run killed inside its third data step is resumed in a new process without running the first two again.</summary>
public sealed class DataCrashTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Resume_AfterRunWasKilledInTheThirdDataActivity_WritesTheRightRowsAndRanTheFirstTwoOnce()
    {
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People);
        var signal = _cli.PathOf("c.started");
        var block = _cli.PathOf("c.block");
        File.WriteAllText(block, "");
        var flow = _cli.WriteFlow("data-crash.json", DataFlows.Crash(signal, block));

        // The run reads (a), sorts (b), and blocks inside c: kill it there, as a power cut or OOM kill would.
        string instanceId;
        using (var run = _cli.Start("run", flow, "--plugins", CliWorkspace.PluginsSource))
        {
            instanceId = await CliWorkspace.ReadInstanceIdAsync(run);
            await CliWorkspace.WaitForFileAsync(signal, run);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        Assert.Equal(WorkflowStatus.Running, (await _cli.OpenStore().GetInstanceAsync(instanceId))!.Status);
        Assert.False(File.Exists(_cli.PathOf("out.csv")));
        File.Delete(block);

        var resumed = await _cli.RunAsync("resume", instanceId, "--plugins", CliWorkspace.PluginsSource);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var store = _cli.OpenStore();
        Assert.Equal(WorkflowStatus.Finished, (await store.GetInstanceAsync(instanceId))!.Status);
        var journal = await store.GetJournalAsync(instanceId);
        foreach (var activity in new[] { "a", "b" })
        {
            Assert.Single(journal, e => e.ActivityId == activity && e.Kind == JournalKind.ActivityStarted);
            Assert.Single(journal, e => e.ActivityId == activity && e.Kind == JournalKind.ActivityCompleted);
        }
        // c was in flight when the process died, so it ran again (at-least-once); d ran once, after the takeover.
        Assert.Equal(2, File.ReadAllLines(signal).Length);
        Assert.Single(journal, e => e.ActivityId == "c" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Single(journal, e => e.ActivityId == "d" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal(["id,name,amount", "4,dee,40", "3,cy,15", "2,bob,20"], File.ReadAllLines(_cli.PathOf("out.csv")));
    }

    [Fact]
    public async Task Resume_AfterRunWasKilledWhileReadingADedupeKeptAsAView_FindsTheViewAndRanTheDedupeOnce()
    {
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People + "\n4,dee,40\n");
        var signal = _cli.PathOf("c.started");
        var block = _cli.PathOf("c.block");
        File.WriteAllText(block, "");
        // b is read once, by c, so it is kept as a view; c blocks while reading it and the process dies there.
        var flow = _cli.WriteFlow("data-crash-view.json", DataFlows.Crash(signal, block, """{"id": "b", "type": "Duplicate", "keys": ["id"]}"""));

        string instanceId;
        using (var run = _cli.Start("run", flow, "--plugins", CliWorkspace.PluginsSource))
        {
            instanceId = await CliWorkspace.ReadInstanceIdAsync(run);
            await CliWorkspace.WaitForFileAsync(signal, run);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        File.Delete(block);

        var resumed = await _cli.RunAsync("resume", instanceId, "--plugins", CliWorkspace.PluginsSource);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var journal = await _cli.OpenStore().GetJournalAsync(instanceId);
        Assert.Single(journal, e => e.ActivityId == "b" && e.Kind == JournalKind.ActivityStarted);
        Assert.Single(journal, e => e.ActivityId == "d" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal(["2,bob,20", "3,cy,15", "4,dee,40"], File.ReadAllLines(_cli.PathOf("out.csv")).Skip(1).Order());
    }

    [Fact]
    public async Task Resume_AfterRunWasKilledBeforeTheStepThatReadsTheCsv_FindsTheMalformedRowOnceAndWritesTheSameRows()
    {
        // a is CsvInput's default view (nothing reads Rejected, one chain reads it): c's scan finds the bad row 7.
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People + "\n6,fay,7,extra\n");
        var signal = _cli.PathOf("c.started");
        var block = _cli.PathOf("c.block");
        File.WriteAllText(block, "");
        var flow = _cli.WriteFlow("data-crash-rejects.json", DataFlows.Crash(signal, block, """{"id": "b", "type": "Filter", "condition": "id > 1"}"""));

        string instanceId;
        using (var run = _cli.Start("run", flow, "--plugins", CliWorkspace.PluginsSource))
        {
            instanceId = await CliWorkspace.ReadInstanceIdAsync(run);
            await CliWorkspace.WaitForFileAsync(signal, run);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
        File.Delete(block);

        var resumed = await _cli.RunAsync("resume", instanceId, "--plugins", CliWorkspace.PluginsSource);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var store = _cli.OpenStore();
        var journal = await store.GetJournalAsync(instanceId);
        Assert.Single(journal, e => e.ActivityId == "a" && e.Kind == JournalKind.ActivityStarted);
        var logs = (await store.GetLogsAsync(instanceId)).Where(l => l.Message.Contains("malformed")).ToList();
        var found = Assert.Single(logs);
        Assert.Equal("c", found.ActivityId);
        Assert.Equal("1 malformed row(s) of CsvInput 'a', found as this step read its file, sent to Rejected (1 in all)", found.Message);
        Assert.Equal(["id,name,amount", "2,bob,20", "3,cy,15", "4,dee,40"], File.ReadAllLines(_cli.PathOf("out.csv")));
    }

    public void Dispose() => _cli.Dispose();
}
