using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>One server node over a given data folder (so several nodes share one SQLite database) with a given clock; hot reload off.</summary>
public sealed class ServerNode(string dataFolder, string dataRoot, TimeProvider time) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ElsaFlow:DataFolder", dataFolder);
        builder.UseSetting("ElsaFlow:DataRoots:0", dataRoot);
        builder.UseSetting("ElsaFlow:WorkflowsFolder", "");
        builder.UseSetting("ELSAFLOW_ADMIN_KEY", ServerFixture.AdminKey);
        builder.ConfigureTestServices(services => services.AddSingleton(time));
    }

    public HttpClient Admin() => ClientWithKey(ServerFixture.AdminKey);

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
