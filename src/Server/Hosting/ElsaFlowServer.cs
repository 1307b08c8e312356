using ElsaFlow.Server.Api;
using ElsaFlow.Server.Live;
using ElsaFlow.Server.Observability;
using ElsaFlow.Server.Studio;

namespace ElsaFlow.Server.Hosting;

/// <summary>Builds the server: Program.cs and <c>elsaflow serve</c> both call these, so they host the same thing.</summary>
public static class ElsaFlowServer
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddElsaFlowServer(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
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
