using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Server.Hosting;

/// <summary>On start, picks up instances whose process died and schedules every stored timer.</summary>
internal sealed class RuntimeRecoveryService(WorkflowRuntime runtime, ILogger<RuntimeRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.RecoverAsync(cancellationToken);
        logger.LogInformation("Recovered running instances and stored timers");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
