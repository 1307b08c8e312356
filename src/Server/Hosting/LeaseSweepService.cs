using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Server.Hosting;

/// <summary>
/// Keeps every instance moving whoever ran it: at start it schedules the stored timers and takes over the instances
/// of a process that died; then, every <see cref="ServerOptions.SweepInterval"/>, it looks again for instances whose
/// owner's lease expired (a node that died while this one runs, or an instance skipped at start because the dead
/// process's lease had not expired yet) and for timers that come due. Every node sweeps; the lease decides who wins.
/// </summary>
internal sealed class LeaseSweepService(WorkflowRuntime runtime, ServerOptions options, TimeProvider time, ILogger<LeaseSweepService> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.RecoverAsync(cancellationToken);
        logger.LogInformation("Recovered running instances and stored timers; sweeping for orphans every {Interval}", options.SweepInterval);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await runtime.SweepAsync(horizon: options.SweepInterval * 2, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The store may be down for a moment; the next sweep tries again.
                    logger.LogWarning(error, "The lease sweep failed; trying again in {Interval}", options.SweepInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
