using System.Net;
using System.Text;
using ElsaFlow.FlowCorpus;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

/// <summary>The hostile corpus through validate, import and create: every answer is 2xx or a 4xx problem, never a 5xx or a dead server.</summary>
public sealed class HostileFlowsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ValidateImportAndCreate_EveryCorpusDocument_AnswersWithoutServerError()
    {
        // Arrange
        var corpus = HostileFlows.All(mutationsPerFile: 6, seed: 20).ToList();
        var failures = new List<string>();

        // Act
        foreach (var flow in corpus)
        {
            var format = flow.Extension.TrimStart('.');
            await Check(failures, flow, "validate", server.Viewer.PostAsync($"/api/workflows/validate?format={format}", Body(flow)));
            await Check(failures, flow, "import", server.Admin.PostAsync($"/api/workflows/import?format={format}", Body(flow)));
            if (format == "json")
                await Check(failures, flow, "create", server.Admin.PostAsync("/api/workflows", new StringContent(flow.Text, Encoding.UTF8, "application/json")));
        }
        var health = await server.Anonymous.GetAsync("/health");

        // Assert
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task WorkflowsFolder_YamlAliasFile_IsSkipped_AndTheServerLives()
    {
        // Arrange: the same file once aborted the server as it published the folder.
        Directory.CreateDirectory(server.WorkflowsFolder);
        File.WriteAllText(Path.Combine(server.WorkflowsFolder, "alias.yaml"), "root: &a {id: r, type: Sequence, activities: [*a]}\n");

        // Act
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var list = await server.Viewer.GetAsync("/api/workflows");

        // Assert
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.GetAsync("/health")).StatusCode);
    }

    private static StringContent Body(FlowCase flow) => new(flow.Text, Encoding.UTF8, "text/plain");

    private static async Task Check(List<string> failures, FlowCase flow, string call, Task<HttpResponseMessage> answer)
    {
        var response = await answer;
        var status = (int)response.StatusCode;
        if (status >= 500) failures.Add($"{call} {flow}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{call} {flow}: {status} without a problem document");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
