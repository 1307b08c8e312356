using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Benchmarks.Cluster;

/// <summary>
/// The yardstick for remote activities: bare MassTransit request/response over the same RabbitMQ, with the same number
/// in flight as the flow's ForEach: a command sent to a queue, a consumer that answers, the answer awaited.
/// </summary>
internal static class RawRoundTrips
{
    public static async Task<double> SecondsAsync(string broker, int count, int inFlight)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<PingConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(broker));
                rabbit.ReceiveEndpoint("bench-raw-ping", e =>
                {
                    e.PrefetchCount = inFlight;
                    e.ConcurrentMessageLimit = inFlight;
                    e.ConfigureConsumer<PingConsumer>(context);
                });
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<IClientFactory>().CreateRequestClient<Ping>(new Uri("queue:bench-raw-ping"));
            await RunAsync(client, 4 * count, inFlight); // warm-up: connections, channels, the JIT (as long as ElsaFlow's)
            var clock = Stopwatch.StartNew();
            await RunAsync(client, count, inFlight);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task RunAsync(IRequestClient<Ping> client, int count, int inFlight)
    {
        using var window = new SemaphoreSlim(inFlight);
        var calls = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            calls.Add(CallAsync(client, i, window));
        }
        await Task.WhenAll(calls);
    }

    private static async Task CallAsync(IRequestClient<Ping> client, int n, SemaphoreSlim window)
    {
        try { await client.GetResponse<Pong>(new Ping { N = n }); }
        finally { window.Release(); }
    }
}

public sealed record Ping
{
    public int N { get; init; }
}

public sealed record Pong
{
    public int N { get; init; }
}

internal sealed class PingConsumer : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context) => context.RespondAsync(new Pong { N = context.Message.N });
}
