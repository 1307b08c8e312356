using ElsaFlow.Server.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>
/// The fixture's server with its own data folder, a captured log sink and a recording fault webhook receiver, for the
/// observability tests; hub connections go over the in-memory handler (long polling).
/// </summary>
public sealed class ObservedServer : IAsyncDisposable
{
    public const string WebhookUrl = "http://hooks.test/elsaflow/faults";

    public ObservedServer(ServerFixture fixture)
    {
        Factory = fixture.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:DataFolder", fixture.DataFolder + "-observed");
            builder.UseSetting("ElsaFlow:FaultWebhookUrl", WebhookUrl);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILogEventSink>(Logs);
                services.AddHttpClient(FaultWebhook.ClientName).ConfigurePrimaryHttpMessageHandler(() => Webhook);
            });
        });
        Admin = Factory.CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
        Anonymous = Factory.CreateClient();
    }

    public WebApplicationFactory<Program> Factory { get; }
    public CapturedLogs Logs { get; } = new();
    public RecordingHandler Webhook { get; } = new();
    public HttpClient Admin { get; }
    public HttpClient Anonymous { get; }

    public HubConnection Hub(string query = "", string? key = ServerFixture.AdminKey) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, "hubs/instances" + query), HttpTransportType.LongPolling, options =>
            {
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                if (key is not null) options.Headers["X-Api-Key"] = key;
            })
            .Build();

    /// <summary>Polls the instance until it finished, faulted or was cancelled (20 s at most).</summary>
    public async Task WaitUntilEndedAsync(string id)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = System.Text.Json.Nodes.JsonNode.Parse(await Admin.GetStringAsync($"/api/instances/{id}"))!["instance"]!["status"]!.GetValue<string>();
            if (status is "Finished" or "Faulted" or "Cancelled") return;
            await Task.Delay(100);
        }
        Assert.Fail($"instance {id} did not end in 20 s");
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
