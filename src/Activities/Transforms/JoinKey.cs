using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>A pair of columns that must be equal for a Left row and a Right row to match.</summary>
public sealed class JoinKey
{
    [Input(Description = "Column of the Left dataset")]
    public string Left { get; set; } = "";

    [Input(Description = "Column of the Right dataset")]
    public string Right { get; set; } = "";
}
