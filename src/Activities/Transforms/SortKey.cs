namespace ElsaFlow.Activities.Transforms;

/// <summary>A column to sort by and its direction.</summary>
public sealed class SortKey
{
    public string Column { get; set; } = "";
    public bool Descending { get; set; }
}
