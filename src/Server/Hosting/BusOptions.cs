namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow:Bus" section: which broker connects the nodes, and how often they report.</summary>
public sealed class BusOptions
{
    /// <summary>
    /// RabbitMQ connection URI, e.g. <c>amqp://elsaflow:secret@rabbitmq:5672/</c> (or <c>--bus</c>); <c>memory</c> for
    /// MassTransit's in-memory transport; empty: no bus, activities run in this process.
    /// </summary>
    public string RabbitMq { get; set; } = "";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An activity no worker has reported on for this long is dispatched again.</summary>
    public TimeSpan ExecutionHeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
