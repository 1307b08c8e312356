using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElsaFlow.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>
/// The server in memory over a temporary data folder (store, workspaces, keys) and data root, both deleted afterwards.
/// The admin key comes from ELSAFLOW_ADMIN_KEY (given as a setting); viewer and operator keys are created in the key store.
/// </summary>
public sealed class ServerFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string _folder = Directory.CreateTempSubdirectory("elsaflow-server").FullName;

    public string DataRoot => Path.Combine(_folder, "data");
    public string DataFolder => Path.Combine(_folder, ".elsaflow");
    public string WorkflowsFolder => Path.Combine(_folder, "workflows");

    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Operator { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(WorkflowsFolder);
        builder.UseSetting("ElsaFlow:DataFolder", DataFolder);
        builder.UseSetting("ElsaFlow:DataRoots:0", DataRoot);
        builder.UseSetting("ElsaFlow:ExecuteTimeout", "00:00:20");
        // Long enough for a data flow on a loaded CI machine; the test of the 202 answer waits this long once.
        builder.UseSetting("ElsaFlow:HttpTriggerTimeout", "00:00:10");
        builder.UseSetting("ElsaFlow:WorkflowsFolder", WorkflowsFolder);
        builder.UseSetting("ELSAFLOW_ADMIN_KEY", AdminKey);
    }

    public async Task InitializeAsync()
    {
        Anonymous = CreateClient();
        Admin = ClientWithKey(AdminKey);
        var keys = Services.GetRequiredService<IApiKeyStore>();
        Operator = ClientWithKey((await keys.CreateAsync("operator", ApiRole.Operator)).Secret);
        Viewer = ClientWithKey((await keys.CreateAsync("viewer", ApiRole.Viewer)).Secret);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Writes a file under the data root; flows name it by its relative path.</summary>
    public void WriteData(string relativePath, string content)
    {
        var full = Path.Combine(DataRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Creates (POST /api/workflows) and publishes a flow; returns its id.</summary>
    public async Task<string> PublishAsync(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var id = document["definitionId"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        (await Admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a file still held by a closing connection: the OS cleans temp */ }
    }
}
