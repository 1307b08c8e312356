using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Tests.Validation.Fakes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Validation;

/// <summary>Builds small JSON flows around a list of activities and loads them with the fake registry.</summary>
public static class Flows
{
    public static string Json(string activities, string connections = "[]", string extra = "") => $$"""
        {
          "definitionId": "test-flow", "name": "Test", "version": 1, {{extra}}
          "root": {"id": "root", "type": "Flowchart", "activities": {{activities}}, "connections": {{connections}}}
        }
        """;

    public static FlowLoadResult Load(string activities, string connections = "[]", string extra = "") =>
        new FlowLoader(TestRegistry.Create()).Parse(Json(activities, connections, extra), FlowFormat.Json, "flows/test.json");

    public static IReadOnlyList<ValidationProblem> Problems(string activities, string connections = "[]", string extra = "") =>
        Load(activities, connections, extra).Problems;

    /// <summary>The one problem reported for an activity and field; fails when there is none or several.</summary>
    public static ValidationProblem Single(IReadOnlyList<ValidationProblem> problems, string? activityId, string? field) =>
        Assert.Single(problems, p => p.ActivityId == activityId && p.Field == field);
}
