namespace ElsaFlow.Engine.Store;

/// <summary>One version of a workflow definition as stored: its native JSON and its publish state.</summary>
public sealed record StoredDefinition
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The definition in the native JSON format.</summary>
    public required string Json { get; init; }

    public bool IsPublished { get; init; }

    /// <summary>True for the highest version of the definition (maintained by the store).</summary>
    public bool IsLatest { get; init; }

    /// <summary>The file the definition was read from; definitions from files are read-only through the API.</summary>
    public string? SourcePath { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
