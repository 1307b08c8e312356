using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.HotReload;

public sealed class WorkflowFolderWatcherTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Flow(string greeting) => $$"""
        {"definitionId": "from-file", "root": {"id": "root", "type": "Sequence", "activities": [
          {"id": "end", "type": "Finish", "outputs": {"greeting": "{{greeting}}"} } ] } }
        """;

    [Fact]
    public async Task WorkflowsFolder_WriteChangeBreakDelete_PublishesVersionsReportsProblemsAndUnpublishes()
    {
        var path = Path.Combine(server.WorkflowsFolder, "from-file.json");

        await File.WriteAllTextAsync(path, Flow("hello"));
        await Until(async () => await PublishedVersion() == 1);
        var details = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/from-file"));
        Assert.True(details["isReadOnly"]!.GetValue<bool>());

        await File.WriteAllTextAsync(path, Flow("hello again"));
        await Until(async () => await PublishedVersion() == 2);

        await File.WriteAllTextAsync(path, """{"definitionId": "from-file", "root": {"id": "root", "type": "NoSuchActivity"}}""");
        await Until(async () => (await FileProblems(path)) > 0);
        Assert.Equal(2, await PublishedVersion());
        var run = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/from-file/execute", null));
        Assert.Equal("hello again", run["outputs"]!["greeting"]!.GetValue<string>());

        File.Delete(path);
        await Until(async () => await PublishedVersion() is null);
    }

    private async Task<int?> PublishedVersion()
    {
        var list = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows?search=from-file"));
        return list.AsArray().FirstOrDefault(w => w!["definitionId"]!.GetValue<string>() == "from-file")?["publishedVersion"]?.GetValue<int>();
    }

    private async Task<int> FileProblems(string path)
    {
        var files = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/files"));
        return files.AsArray().FirstOrDefault(f => f!["path"]!.GetValue<string>() == path)?["problems"]?.AsArray().Count ?? 0;
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the workflows folder change was not applied in time");
            await Task.Delay(100);
        }
    }
}
