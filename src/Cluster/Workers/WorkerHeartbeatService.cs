using System.Reflection;
using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Cluster.Workers;

/// <summary>
/// Announces this node every heartbeat interval: its record in the store's registry (what GET /api/workers lists, on
/// any master) and a <see cref="WorkerHeartbeat"/> on the bus when there is one (live updates). A graceful stop writes its goodbye.
/// </summary>
internal sealed class WorkerHeartbeatService(IWorkerRegistry registry, IServiceProvider services, WorkerLoad load, ClusterOptions options, RuntimeOptions runtime,
    TimeProvider time, ILogger<WorkerHeartbeatService> logger) : BackgroundService
{
    private static readonly string Version = typeof(WorkerHeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(stopped: false, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "The heartbeat of node {Node} failed; trying again in {Interval}", runtime.NodeId, options.HeartbeatInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await BeatAsync(stopped: true, cancellationToken); }
        catch (Exception error) when (error is not OperationCanceledException) { logger.LogDebug(error, "The goodbye of node {Node} was not written", runtime.NodeId); }
    }

    private async Task BeatAsync(bool stopped, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var record = new WorkerRecord
        {
            NodeId = runtime.NodeId, Role = options.Role.ToString(), Groups = options.RunsActivities ? options.Groups : [],
            Concurrency = options.RunsActivities ? options.Concurrency : 0, Running = load.Running, Version = Version,
            StartedAt = _startedAt, LastSeen = now, StoppedAt = stopped ? now : null
        };
        await registry.HeartbeatAsync(record, ct);
        // Without a bus (one process) the registry is all there is to tell.
        if (stopped || services.GetService<IBus>() is not { } bus) return;
        await bus.Publish(new WorkerHeartbeat
        {
            NodeId = record.NodeId, Role = record.Role, Groups = record.Groups, Concurrency = record.Concurrency, Running = record.Running,
            Version = Version, StartedAt = _startedAt, SentAt = now
        }, ct);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
