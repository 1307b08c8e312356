using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Engine;
using ElsaFlow.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities;

/// <summary>Adds the data plane, the previewer and the flow-file policy (data roots), and registers every data plugin with the engine.</summary>
public static class ActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowActivities(this IServiceCollection services, EngineOptions engine, Action<DataOptions>? configure = null)
    {
        services.AddElsaFlowData(configure);
        services.AddSingleton<ActivityPreviewer>();
        services.AddSingleton<IFlowFilePolicy>(sp => new FlowFilesInDataRoots(sp.GetRequiredService<DataRoots>()));
        engine.ActivityAssemblies.Add(typeof(ActivitiesServiceCollectionExtensions).Assembly);
        return services;
    }
}
