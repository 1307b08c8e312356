using Xunit.Abstractions;
using Xunit.Sdk;

namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>Discovers [StoreFact] tests as <see cref="StoreTestCase"/>s, which look at the concrete class for a skip.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
