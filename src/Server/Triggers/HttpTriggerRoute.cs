using Microsoft.AspNetCore.Routing.Template;

namespace ElsaFlow.Server.Triggers;

/// <summary>One HttpEndpoint of a published definition: its route under /workflows/, methods, and whether it needs a key.</summary>
public sealed record HttpTriggerRoute(string DefinitionId, int Version, string ActivityId, string Template, IReadOnlySet<string> Methods, bool IsPublic)
{
    internal TemplateMatcher Matcher { get; } = new(TemplateParser.Parse(Template.Trim('/')), new RouteValueDictionary());
}
