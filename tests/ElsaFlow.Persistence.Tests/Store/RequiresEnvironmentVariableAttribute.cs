namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>The class's [StoreFact] tests are skipped with <see cref="SkipReason"/> when <see cref="Variable"/> is not set.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentVariableAttribute(string variable, string skipReason) : Attribute
{
    public string Variable { get; } = variable;

    public string SkipReason { get; } = skipReason;
}
