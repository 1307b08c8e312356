using ElsaFlow.Activities.Preview;
using ElsaFlow.Data;
using ElsaFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities;

/// <summary>Adds the data plane and the previewer, and registers every data plugin with the engine.</summary>
public static class ActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowActivities(this IServiceCollection services, EngineOptions engine, Action<DataOptions>? configure = null)
    {
        services.AddElsaFlowData(configure);
        services.AddSingleton<ActivityPreviewer>();
        engine.ActivityAssemblies.Add(typeof(ActivitiesServiceCollectionExtensions).Assembly);
        return services;
    }
}
