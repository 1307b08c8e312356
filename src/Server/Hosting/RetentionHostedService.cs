using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Retention;

namespace ElsaFlow.Server.Hosting;

/// <summary>Deletes ended instances older than the retention age, with their journal, log and DuckDB workspace, at every retention interval.</summary>
public sealed class RetentionHostedService(IWorkflowStore store, DataWorkspaces workspaces, ServerOptions options, TimeProvider time,
    ILogger<RetentionHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = new RetentionService(store, options.Retention, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await retention.DeleteExpiredAsync((instanceId, _) =>
                {
                    workspaces.Delete(instanceId);
                    return Task.CompletedTask;
                }, stoppingToken);
                if (deleted.Count > 0) logger.LogInformation("Retention deleted {Count} instances older than {MaxAge}", deleted.Count, options.Retention.MaxAge);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Retention run failed; trying again at the next interval");
            }
            await Task.Delay(options.RetentionInterval, time, stoppingToken);
        }
    }
}
