using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Validation;

/// <summary>A preview up to an activity needs that activity and what comes before it, nothing after or beside it.</summary>
public sealed class PreviewScopeTests
{
    private static readonly FlowLoader Loader = new(new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly));

    private static FlowLoadResult Load(string activities, string connections) =>
        Loader.Parse(Flows.Json(activities, connections), FlowFormat.Json, "flows/test.json");

    [Fact]
    public void ActivityIds_Flowchart_AreTheStepsConnectedIntoIt()
    {
        var definition = Load("""
            [{"id": "a", "type": "Log", "message": "a"}, {"id": "b", "type": "Log", "message": "b"}, {"id": "c", "type": "Log", "message": "c"},
             {"id": "d", "type": "Log", "message": "d"}, {"id": "beside", "type": "Log", "message": "e"}]
            """, """
            [{"source": {"activity": "a", "port": "Done"}, "target": {"activity": "b", "port": "In"}},
             {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "c", "port": "In"}},
             {"source": {"activity": "c", "port": "Done"}, "target": {"activity": "d", "port": "In"}}]
            """).Definition!;

        Assert.Equal(["a", "b", "c", "root"], PreviewScope.ActivityIds(definition, "c").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ActivityIds_InsideASequence_AreTheEarlierChildrenAndTheContainers()
    {
        var definition = Load("""
            [{"id": "first", "type": "Log", "message": "x"},
             {"id": "seq", "type": "Sequence", "activities": [
               {"id": "s1", "type": "Log", "message": "1"}, {"id": "s2", "type": "Log", "message": "2"}, {"id": "s3", "type": "Log", "message": "3"}]}]
            """, """[{"source": {"activity": "first", "port": "Done"}, "target": {"activity": "seq", "port": "In"}}]""").Definition!;

        Assert.Equal(["first", "root", "s1", "s2", "seq"], PreviewScope.ActivityIds(definition, "s2").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blocking_ProblemsOfLaterSteps_AreLeftOut()
    {
        var loaded = Load("""
            [{"id": "a", "type": "Log", "message": "a"}, {"id": "later", "type": "Log"}]
            """, """[{"source": {"activity": "a", "port": "Done"}, "target": {"activity": "later", "port": "In"}}]""");

        Assert.NotEmpty(loaded.Problems);
        Assert.Empty(PreviewScope.Blocking(loaded.Definition!, "a", loaded.Problems));
        Assert.NotEmpty(PreviewScope.Blocking(loaded.Definition!, "later", loaded.Problems));
    }
}
