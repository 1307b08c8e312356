namespace ElsaFlow.Engine.Activities;

/// <summary>Columns that must be equal for a Left row and a Right row to match, when Join joins datasets.</summary>
public sealed class JoinColumns
{
    [ActivityModel.Input(Description = "Column of the Left dataset")]
    public string Left { get; set; } = "";

    [ActivityModel.Input(Description = "Column of the Right dataset")]
    public string Right { get; set; } = "";
}
