using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ElsaFlow.Server.Hosting;

/// <summary>Prints the URL to open (the Studio) and where the API docs are once the server listens.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var url = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        url = url.TrimEnd('/');
        Console.WriteLine($"ElsaFlow is running: open {url}/studio (the API and its docs: {url}/api/docs)");
    });
}
