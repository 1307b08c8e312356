using ElsaFlow.Engine.Runtime;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Observability;

namespace ElsaFlow.Server.Live;

/// <summary>The hub, the runtime observer that feeds it, and what else hears instances: metrics, the server log, the fault webhook.</summary>
public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowLiveUpdates(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<ElsaFlowMetrics>();
        services.AddSingleton<LiveEventChannel>();
        services.AddSingleton<IWorkflowObserver>(sp => sp.GetRequiredService<LiveEventChannel>());
        services.AddSingleton<InstanceLogWriter>();
        services.AddSingleton<FaultWebhook>();
        services.AddHttpClient(FaultWebhook.ClientName);
        services.AddHostedService<LiveEventPump>();
        return services;
    }

    public static HubEndpointConventionBuilder MapInstancesHub(this IEndpointRouteBuilder app) =>
        app.MapHub<InstancesHub>(InstancesHub.Route).RequireAuthorization(ApiPolicies.Read);
}
