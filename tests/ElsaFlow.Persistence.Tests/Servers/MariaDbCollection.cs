using ElsaFlow.TestServers;
namespace ElsaFlow.Persistence.Tests.Servers;

/// <summary>Test classes in this collection share one <see cref="MariaDbServer"/> for the run.</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbServer>
{
    public const string Name = "MariaDB server";
}
