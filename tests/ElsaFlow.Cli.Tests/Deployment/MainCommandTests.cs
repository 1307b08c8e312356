using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Deployment;

/// <summary>
/// The README's main command, `dotnet run --project src/Server`, typed at the repository root: it serves every sample
/// flow of workflows/ (sub-folders too) and runs them. Only the data folder is moved to a temporary one, so the test
/// writes nothing into the checkout; the build is the one ./test.sh made (--no-build).
/// </summary>
public sealed partial class MainCommandTests
{
    private const string AdminKey = "main-command-key";

    [Fact]
    public async Task MainCommand_FromTheRepositoryRoot_PublishesEverySample_AndRunsOne()
    {
        var dataFolder = Directory.CreateTempSubdirectory("elsaflow-main-").FullName;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--project", "src/Server", "--no-build", "--", "--urls", "http://127.0.0.1:0", $"--ElsaFlow:DataFolder={dataFolder}" })
            info.ArgumentList.Add(argument);
        info.Environment["ELSAFLOW_ADMIN_KEY"] = AdminKey;
        using var server = Process.Start(info)!;
        try
        {
            var banner = await CliWorkspace.ReadUntilAsync(server, "ElsaFlow is running");
            _ = server.StandardOutput.ReadToEndAsync();
            _ = server.StandardError.ReadToEndAsync();
            using var client = new HttpClient { BaseAddress = new Uri(Banner().Match(banner).Groups[1].Value), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

            var samples = SampleFiles();
            var files = await WaitForFilesAsync(client, samples.Count);
            Assert.Equal(samples, files.Select(f => f!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.All(files, f => Assert.True(f!["problems"]!.AsArray().Count == 0 && f["publishedVersion"] is not null, f!.ToJsonString()));

            var run = await client.PostAsJsonAsync("/api/workflows/hello/execute", new JsonObject());
            var result = JsonNode.Parse(await run.Content.ReadAsStringAsync())!;
            Assert.True(run.IsSuccessStatusCode, result.ToJsonString());
            Assert.Equal("Finished", result["status"]!.GetValue<string>());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    // Every flow file under workflows/, as the server names it (full paths), except what workflows/data holds.
    private static List<string> SampleFiles()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "workflows");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetExtension(p) is ".json" or ".yaml" or ".yml" or ".xml")
            .Where(p => !Path.GetRelativePath(folder, p).StartsWith("data" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<JsonArray> WaitForFilesAsync(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var files = (await client.GetFromJsonAsync<JsonArray>("/api/workflows/files"))!;
            if (files.Count >= count || DateTime.UtcNow > deadline) return files;
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"open (\S+)/studio")]
    private static partial Regex Banner();
}
