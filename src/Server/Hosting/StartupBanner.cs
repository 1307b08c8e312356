using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ElsaFlow.Server.Hosting;

/// <summary>Prints the URL to open (the Studio) and where the API docs are once the server listens; a worker says what it takes.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var options = app.Services.GetRequiredService<ServerOptions>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var url = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        url = url.TrimEnd('/');
        var bus = options.Bus.RabbitMq.Length == 0 ? "no bus" : options.Bus.RabbitMq.Equals(Cluster.ClusterOptions.InMemoryBus, StringComparison.OrdinalIgnoreCase)
            ? "the in-memory bus" : "RabbitMQ";
        if (options.Role == Cluster.ClusterRole.Worker)
        {
            var groups = options.Worker.Groups.Count == 0 ? "unpinned activities" : "unpinned activities and groups " + string.Join(", ", options.Worker.Groups);
            Console.WriteLine($"ElsaFlow worker {app.Services.GetRequiredService<Engine.Runtime.RuntimeOptions>().NodeId} is running: {groups}, " +
                              $"{options.Worker.Concurrency} at a time, over {bus} (health: {url}/health)");
            return;
        }
        Console.WriteLine($"ElsaFlow is running: open {url}/studio (the API and its docs: {url}/api/docs; role {options.Role}, {bus})");
    });
}
