using Xunit.Sdk;

namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>
/// A contract test: a [Fact] that is skipped when the concrete test class carries a
/// <see cref="RequiresEnvironmentVariableAttribute"/> whose variable is not set (see <see cref="StoreFactDiscoverer"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("ElsaFlow.Persistence.Tests.Store.StoreFactDiscoverer", "ElsaFlow.Persistence.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
