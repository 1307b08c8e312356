using ElsaFlow.Activities.Connections;
using ElsaFlow.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace ElsaFlow.Server.Connections;

/// <summary>Named connections on a node: Data Protection with its key ring, the protector and the store-backed catalog.</summary>
public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Must come before AddElsaFlowActivities: that registers <see cref="NoConnections"/> with TryAdd, and this catalog
    /// must win. Workers need it too (they run the activities that open connections).
    /// </summary>
    public static IServiceCollection AddElsaFlowConnections(this IServiceCollection services, ServerOptions options)
    {
        services.AddDataProtection()
            .SetApplicationName("ElsaFlow")
            .PersistKeysToFileSystem(Directory.CreateDirectory(options.KeyRingFolder));
        services.AddSingleton<ConnectionProtector>();
        services.AddSingleton<StoreConnectionCatalog>();
        services.AddSingleton<IConnectionCatalog>(sp => sp.GetRequiredService<StoreConnectionCatalog>());
        return services;
    }
}
