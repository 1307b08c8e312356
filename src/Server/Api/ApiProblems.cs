using ElsaFlow.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = ElsaFlow.Engine.Validation.ValidationProblem;

namespace ElsaFlow.Server.Api;

/// <summary>The problem+json answers the handlers share; validation problems travel as the "problems" extension.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Invalid(IReadOnlyList<ValidationProblem> problems, string title = "The flow is not valid") =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status400BadRequest, detail: string.Join("; ", problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?> { ["problems"] = problems });

    /// <summary>
    /// The first problem that keeps a draft from being saved at all: an invalid flow may be saved as a draft and fixed
    /// later, but not one whose id cannot name it in a URL or a file (it used to be saved, then the answer failed).
    /// </summary>
    public static ValidationProblem? Unsavable(IReadOnlyList<ValidationProblem> problems) =>
        problems.FirstOrDefault(p => p.ActivityId is null && p.Field == "definitionId");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Bad request", statusCode: StatusCodes.Status400BadRequest, detail: detail);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound, detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", statusCode: StatusCodes.Status409Conflict, detail: detail);

    public static ProblemHttpResult DefinitionNotFound(string definitionId) => NotFound($"No workflow definition '{definitionId}'");

    public static ProblemHttpResult InstanceNotFound(string instanceId) => NotFound($"Instance '{instanceId}' does not exist");
}
