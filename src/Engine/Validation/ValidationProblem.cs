namespace ElsaFlow.Engine.Validation;

/// <summary>One problem found in a flow, naming the flow, the activity (null for the flow itself) and the field.</summary>
public sealed record ValidationProblem(string? DefinitionId, string? ActivityId, string? Field, string Message)
{
    public override string ToString()
    {
        var where = ActivityId is null ? $"flow '{DefinitionId}'" : $"flow '{DefinitionId}', activity '{ActivityId}'";
        return Field is null ? $"{where}: {Message}" : $"{where}, field '{Field}': {Message}";
    }
}
