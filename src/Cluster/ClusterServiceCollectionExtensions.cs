using ElsaFlow.Cluster.Consumers;
using ElsaFlow.Cluster.Dispatch;
using ElsaFlow.Cluster.Owners;
using ElsaFlow.Cluster.Workers;
using ElsaFlow.Engine;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Runtime;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaFlow.Cluster;

/// <summary>
/// Wires a node into the cluster over MassTransit: RabbitMQ when <see cref="ClusterOptions.Bus"/> names one, or its
/// in-memory transport (<c>memory</c>). The same dispatcher, consumers and queues run on both; the role decides which
/// endpoints the node opens. Without a bus (one process, the default) activities run in process and the node only
/// announces itself in the registry.
/// </summary>
public static class ClusterServiceCollectionExtensions
{
    private const int AnswerConcurrency = 64;

    public static IServiceCollection AddElsaFlowCluster(this IServiceCollection services, EngineOptions engine, ClusterOptions options)
    {
        if (!options.UsesBus && options.Role != ClusterRole.All)
            throw new InvalidOperationException($"A {options.Role.ToString().ToLowerInvariant()} node needs a bus to reach the other nodes: give ElsaFlow:Bus:RabbitMq (or --bus amqp://user:password@host:5672/)");
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkerLoad>();
        services.AddSingleton<WorkerDirectory>();
        services.AddHostedService<WorkerHeartbeatService>();
        // Without a bus, activities run in this process through the engine's own dispatcher: nothing more to wire.
        if (!options.UsesBus) return services;

        // With a durable bus, what was dispatched survives its owner: a new owner waits for it rather than running it again.
        if (options.UsesRabbitMq) engine.Runtime.ExecutionHeartbeatTimeout = options.ExecutionHeartbeatTimeout;
        services.AddSingleton(sp => new InProcessActivityDispatcher(sp.GetRequiredService<ActivityExecutor>()));
        services.AddSingleton<IActivityDispatcher, BusActivityDispatcher>();
        services.AddSingleton<IOwnerChannel, BusOwnerChannel>();

        // Graceful drain: the bus stops taking messages at once, then waits DrainTimeout for running consumers before it
        // cancels them (the server's host allows a little longer, so the answers and the goodbye still go out).
        services.Configure<MassTransitHostOptions>(host =>
        {
            host.ConsumerStopTimeout = options.DrainTimeout;
            host.StopTimeout = options.DrainTimeout + TimeSpan.FromSeconds(10);
        });

        services.AddMassTransit(bus =>
        {
            if (options.RunsActivities)
            {
                bus.AddConsumer<ExecuteActivityConsumer>();
                bus.AddConsumer<CancelActivityConsumer>();
            }
            if (options.Orchestrates)
            {
                bus.AddConsumer<ActivityCompletedConsumer>();
                bus.AddConsumer<ActivityFaultedConsumer>();
                bus.AddConsumer<ActivityHeartbeatConsumer>();
                bus.AddConsumer<WorkerHeartbeatConsumer>();
                bus.AddConsumer<CheckInboxConsumer>();
                bus.AddConsumer<ResumeInstanceConsumer>();
                bus.AddConsumer<CancelInstanceConsumer>();
                bus.AddConsumer<RetryInstanceConsumer>();
            }
            if (options.UsesRabbitMq)
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(options.Bus));
                    ConfigureEndpoints(context, rabbit, options);
                });
            else
                bus.UsingInMemory((context, memory) => ConfigureEndpoints(context, memory, options));
        });
        return services;
    }

    private static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator bus, ClusterOptions options)
    {
        var nodeId = context.GetRequiredService<RuntimeOptions>().NodeId;
        if (options.RunsActivities)
        {
            bus.ReceiveEndpoint(Queues.Activities, e => Worker(e, context, options));
            // In memory there is one process and one queue: it takes every group's activities.
            if (options.UsesRabbitMq)
                foreach (var group in options.Groups.Distinct(StringComparer.Ordinal))
                    bus.ReceiveEndpoint(Queues.ActivitiesOf(group), e => Worker(e, context, options));
        }
        if (options.Orchestrates)
            bus.ReceiveEndpoint(Queues.Answers, e =>
            {
                e.PrefetchCount = AnswerConcurrency;
                e.ConcurrentMessageLimit = AnswerConcurrency;
                e.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000, 5000));
                e.ConfigureConsumer<ActivityCompletedConsumer>(context);
                e.ConfigureConsumer<ActivityFaultedConsumer>(context);
            });

        // The node's own queue, gone with the node: what every node hears (heartbeats, cancellations, owner requests).
        bus.ReceiveEndpoint(Queues.Node(nodeId), e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.Durable = false;
                rabbit.AutoDelete = true;
            }
            if (options.RunsActivities) e.ConfigureConsumer<CancelActivityConsumer>(context);
            if (!options.Orchestrates) return;
            e.ConfigureConsumer<ActivityHeartbeatConsumer>(context);
            e.ConfigureConsumer<WorkerHeartbeatConsumer>(context);
            e.ConfigureConsumer<CheckInboxConsumer>(context);
            e.ConfigureConsumer<ResumeInstanceConsumer>(context);
            e.ConfigureConsumer<CancelInstanceConsumer>(context);
            e.ConfigureConsumer<RetryInstanceConsumer>(context);
        });
    }

    /// <summary>A queue of activities: commands sent to it by name (no exchange bindings), at most Concurrency at a time.</summary>
    private static void Worker(IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context, ClusterOptions options)
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.PrefetchCount = options.Concurrency;
        endpoint.ConcurrentMessageLimit = options.Concurrency;
        endpoint.ConfigureConsumer<ExecuteActivityConsumer>(context);
    }
}
