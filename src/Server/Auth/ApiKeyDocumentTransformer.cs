using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ElsaFlow.Server.Auth;

/// <summary>Declares the X-Api-Key header in the OpenAPI document, so the Scalar UI asks for a key and sends it.</summary>
internal sealed class ApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ElsaFlow API";
        document.Info.Description = "Every /api call needs an X-Api-Key header (roles admin, operator, viewer); /health does not.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key; the first admin key is printed on the server's first start or taken from ELSAFLOW_ADMIN_KEY"
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
