namespace ElsaFlow.Engine.Tests.Validation.Fakes;

public sealed record SortKey
{
    public string Column { get; init; } = "";
    public bool Descending { get; init; }
}
