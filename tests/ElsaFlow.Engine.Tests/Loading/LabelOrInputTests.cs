using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;

namespace ElsaFlow.Engine.Tests.Loading;

public sealed class LabelOrInputTests
{
    [Fact]
    public void Name_IsAnInputForEvent_AndALabelForLog()
    {
        var loader = new FlowLoader(new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly));

        var result = loader.Parse("""
            {"definitionId": "labels", "root": {"id": "root", "type": "Sequence", "activities": [
              {"id": "wait", "type": "Event", "name": "paid"},
              {"id": "say", "type": "Log", "name": "Say hello", "description": "greets", "message": "hi"}]}}
            """, FlowFormat.Json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var wait = result.Definition!.Root.Activities[0];
        var say = result.Definition.Root.Activities[1];
        Assert.Equal(("paid", null), (wait.Inputs["name"]!.GetValue<string>(), wait.Name));
        Assert.Equal(("Say hello", "greets", false), (say.Name, say.Description, say.Inputs.ContainsKey("name")));
        var roundTrip = loader.Parse(FlowWriter.Write(result.Definition, FlowFormat.Yaml), FlowFormat.Yaml);
        Assert.Equal(FlowWriter.Write(result.Definition, FlowFormat.Json), FlowWriter.Write(roundTrip.Definition!, FlowFormat.Json));
    }
}
