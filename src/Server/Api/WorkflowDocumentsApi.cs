using System.Text;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Flow documents in any format (JSON, XML, YAML; by ?format= or the content type): import as a new draft version,
/// export a version, validate without saving. Exports keep literal values, sensitive ones too, so they need an operator key.
/// </summary>
public static class WorkflowDocumentsApi
{
    public static RouteGroupBuilder MapWorkflowDocumentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapPost("/import", Import).RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/validate", Validate);
        group.MapGet("/{definitionId}/export", Export).RequireAuthorization(ApiPolicies.Write);
        return group;
    }

    public static async Task<Results<Created<WorkflowDetails>, ProblemHttpResult>> Import(WorkflowDefinitions definitions, HttpRequest request, string? format,
        CancellationToken ct)
    {
        if (!TryPickFormat(format, request.ContentType, out var flowFormat)) return UnknownFormat(format ?? request.ContentType);
        var loaded = definitions.Loader.Parse(await ReadBodyAsync(request, ct), flowFormat, "the imported flow");
        if (loaded.Definition is not { DefinitionId.Length: > 0 } definition || ApiProblems.Unsavable(loaded.Problems) is not null)
            return ApiProblems.Invalid(loaded.Problems, "The document is not a workflow definition");
        var latest = await definitions.Store.GetDefinitionAsync(definition.DefinitionId, null, ct);
        if (latest?.SourcePath is { } path) return WorkflowsApi.ReadOnly(definition.DefinitionId, path);
        var stored = await definitions.SaveAsync(definition, ct);
        return TypedResults.Created($"/api/workflows/{stored.DefinitionId}", definitions.Describe(stored));
    }

    public static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> Validate(WorkflowDefinitions definitions, HttpRequest request, string? format,
        CancellationToken ct)
    {
        if (!TryPickFormat(format, request.ContentType, out var flowFormat)) return UnknownFormat(format ?? request.ContentType);
        var loaded = definitions.Loader.Parse(await ReadBodyAsync(request, ct), flowFormat, "the flow");
        return TypedResults.Ok(new ValidationResult(loaded.IsValid, loaded.Problems));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(WorkflowDefinitions definitions, string definitionId, string? format,
        int? version, CancellationToken ct)
    {
        if (!TryPickFormat(format ?? "json", null, out var flowFormat)) return UnknownFormat(format);
        var stored = await definitions.Store.GetDefinitionAsync(definitionId, version, ct);
        if (stored is null) return ApiProblems.DefinitionNotFound(definitionId);
        var text = FlowWriter.Write(definitions.Read(stored), flowFormat);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), ContentType(flowFormat), definitionId + flowFormat.Extension);
    }

    internal static bool TryPickFormat(string? format, string? contentType, out FlowFormat flowFormat)
    {
        var name = (format ?? contentType ?? "json").Split(';')[0].Trim().ToLowerInvariant();
        (var known, flowFormat) = name switch
        {
            "json" or "application/json" or "text/json" or "text/plain" => (true, FlowFormat.Json),
            "xml" or "application/xml" or "text/xml" => (true, FlowFormat.Xml),
            "yaml" or "yml" or "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => (true, FlowFormat.Yaml),
            _ => (false, FlowFormat.Json)
        };
        return known;
    }

    private static string ContentType(FlowFormat format) => format switch
    {
        FlowFormat.Xml => "application/xml",
        FlowFormat.Yaml => "application/yaml",
        _ => "application/json"
    };

    private static ProblemHttpResult UnknownFormat(string? format) =>
        ApiProblems.BadRequest($"'{format}' is not a flow format: use json, xml or yaml (?format= or the Content-Type)");

    internal static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
