using ElsaFlow.Server.Hosting;
using Serilog;
using Serilog.Events;

namespace ElsaFlow.Server.Observability;

/// <summary>
/// Serilog to the console and to a daily rolling file under DATA/logs/, each line with the instance and activity ids when
/// known. The "Serilog" configuration section may add sinks or change levels; sinks registered in DI (tests) are added too.
/// Microsoft.AspNetCore stays at Warning: its "Request starting" lines would show the hub's access_token.
/// </summary>
public static class ElsaFlowLogging
{
    public const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{Ids} <{SourceContext}>{NewLine}{Exception}";
    public const string RequestTemplate = "HTTP {RequestMethod} {RequestPath}{RequestQuery} responded {StatusCode} in {Elapsed:0.0000} ms";

    public static IServiceCollection AddElsaFlowLogging(this IServiceCollection services, IConfiguration configuration, ServerOptions options) =>
        services.AddSerilog((sp, logging) => logging
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .Enrich.With<InstanceIdsEnricher>()
            .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(options.LogFolder, "elsaflow-.log"), outputTemplate: OutputTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                shared: true),
            preserveStaticLogger: true);

    /// <summary>One line per request, with access_token in the query string shown as ***.</summary>
    public static WebApplication UseElsaFlowRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(logging =>
        {
            logging.MessageTemplate = RequestTemplate;
            // The static Log.Logger stays untouched (several hosts may share a process, as in tests): log through this host's logger.
            logging.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            logging.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("RequestQuery", RequestLogRedaction.Query(http.Request.QueryString));
        });
        return app;
    }
}
