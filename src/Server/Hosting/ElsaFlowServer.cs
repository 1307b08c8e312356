using ElsaFlow.Server.Api;
using ElsaFlow.Server.Live;
using ElsaFlow.Server.Observability;
using ElsaFlow.Server.Studio;

namespace ElsaFlow.Server.Hosting;

/// <summary>Builds the server: Program.cs and <c>elsaflow serve</c> both call these, so they host the same thing.</summary>
public static class ElsaFlowServer
{
    /// <summary>Short command-line names for the settings people give most: <c>--role worker --bus amqp://...</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--role"] = "ElsaFlow:Role",
        ["--bus"] = "ElsaFlow:Bus:RabbitMq"
    };

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches.ToDictionary());
        builder.Services.AddElsaFlowServer(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        if (app.Services.GetRequiredService<ServerOptions>().Role == Cluster.ClusterRole.Worker)
        {
            // A worker answers only its health (a container's health check).
            app.MapHealthApi();
            StartupBanner.PrintWhenStarted(app);
            return app;
        }
        app.UseElsaFlowRequestLogging();
        app.UseRequestSizeLimit();
        app.MapStudio();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapElsaFlowApi();
        app.MapInstancesHub();
        app.MapMetricsApi();
        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
