using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Studio.Tests.Support;

/// <summary>
/// The real server on a loopback port (Kestrel, not the in-memory test host, because the browser needs a socket) over a
/// temporary data folder, data root and workflows folder, with an admin, an operator and a viewer key.
/// </summary>
public sealed class StudioServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "studio-test-admin-key";

    private readonly string _folder = Directory.CreateTempSubdirectory("elsaflow-studio").FullName;

    public string DataRoot => Path.Combine(_folder, "data");
    public string DataFolder => Path.Combine(_folder, ".elsaflow");
    public string WorkflowsFolder => Path.Combine(_folder, "workflows");
    public string OperatorKey { get; private set; } = "";
    public string ViewerKey { get; private set; } = "";
    public Uri Address { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(WorkflowsFolder);
        builder.UseSetting("ElsaFlow:DataFolder", DataFolder);
        builder.UseSetting("ElsaFlow:DataRoots:0", DataRoot);
        builder.UseSetting("ElsaFlow:WorkflowsFolder", WorkflowsFolder);
        builder.UseSetting("ELSAFLOW_ADMIN_KEY", AdminKey);
    }

    public async Task StartAsync()
    {
        UseKestrel(0);
        StartServer();
        Address = ClientOptions.BaseAddress;
        Admin = CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var keys = Services.GetRequiredService<IApiKeyStore>();
        OperatorKey = (await keys.CreateAsync("operator", ApiRole.Operator)).Secret;
        ViewerKey = (await keys.CreateAsync("viewer", ApiRole.Viewer)).Secret;
    }

    /// <summary>Writes a file under the data root; flows name it by its relative path.</summary>
    public string WriteData(string relativePath, string content)
    {
        var full = Path.Combine(DataRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Creates a flow through the API (and publishes it when asked); returns its id.</summary>
    public async Task<string> CreateFlowAsync(string json, bool publish = false)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var id = document["definitionId"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        if (publish) (await Admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a file still held by a closing connection: the OS cleans temp */ }
    }
}
