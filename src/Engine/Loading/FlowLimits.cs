namespace ElsaFlow.Engine.Loading;

/// <summary>
/// How big a flow document may be. Flow files come from viewers of the API and from shared folders, so every reader
/// stops at these limits with a message instead of running out of stack or memory ("ElsaFlow:Flows" section).
/// </summary>
public sealed class FlowLimits
{
    public const int DefaultMaxActivities = 10_000;
    public const int DefaultMaxDepth = 64;
    public const int DefaultMaxDocumentChars = 16 * 1024 * 1024;

    /// <summary>Activities in one flow, containers and their children counted alike.</summary>
    public int MaxActivities { get; set; } = DefaultMaxActivities;

    /// <summary>Nesting of objects and lists (JSON, YAML) or elements (XML) in a document.</summary>
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>Characters in one flow document.</summary>
    public int MaxDocumentChars { get; set; } = DefaultMaxDocumentChars;
}
