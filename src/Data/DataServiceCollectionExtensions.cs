using ElsaFlow.Data.Paths;
using ElsaFlow.Data.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Data;

/// <summary>Wires the data plane: options, data roots and the workspaces.</summary>
public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowData(this IServiceCollection services, Action<DataOptions>? configure = null)
    {
        var options = new DataOptions();
        configure?.Invoke(options);
        // A bad size is a configuration error, said at start with the setting's name, not at the first data step.
        MemoryLimit.Parse(options.MemoryLimit);
        services.AddSingleton(options);
        services.AddSingleton(new DataRoots(options.Roots, [.. options.Excluded, options.WorkspaceFolder]));
        services.AddSingleton(provider => new DataWorkspaces(options, provider.GetRequiredService<DataRoots>()));
        return services;
    }
}
