using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Tests.Validation.Fakes;

namespace ElsaFlow.Engine.Tests.Loading;

/// <summary>Shortcuts for loading flow texts with the fake registry and comparing definitions by their JSON.</summary>
public static class Loaders
{
    public static FlowLoader Create() => new(TestRegistry.Create());

    public static FlowLoadResult Parse(string text, FlowFormat format, string? source = null) => Create().Parse(text, format, source);

    /// <summary>Loads a text that must be a valid flow.</summary>
    public static WorkflowDefinition Valid(string text, FlowFormat format)
    {
        var result = Parse(text, format);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    public static string Json(WorkflowDefinition definition) => FlowWriter.Write(definition, FlowFormat.Json);
}
