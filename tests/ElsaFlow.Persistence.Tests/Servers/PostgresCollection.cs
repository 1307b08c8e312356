using ElsaFlow.TestServers;
namespace ElsaFlow.Persistence.Tests.Servers;

/// <summary>Test classes in this collection share one <see cref="PostgresServer"/> for the run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
