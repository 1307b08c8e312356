using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Engine;
using ElsaFlow.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaFlow.Activities;

/// <summary>Adds the data plane, the previewer and the flow-file policy (data roots), and registers every data plugin with the engine.</summary>
public static class ActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowActivities(this IServiceCollection services, EngineOptions engine, Action<DataOptions>? configure = null)
    {
        services.AddElsaFlowData(configure);
        services.AddSingleton<ActivityPreviewer>();
        // The server and the CLI register their own catalog (store or connections file) before this; TryAdd keeps it.
        services.TryAddSingleton<IConnectionCatalog, NoConnections>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectionProbe, Databases.DatabaseProbe>());
        services.AddSingleton<IFlowFilePolicy>(sp => new FlowFilesInDataRoots(sp.GetRequiredService<DataRoots>()));
        engine.ActivityAssemblies.Add(typeof(ActivitiesServiceCollectionExtensions).Assembly);
        return services;
    }
}
