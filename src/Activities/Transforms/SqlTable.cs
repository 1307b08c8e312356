using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>The name under which the SQL activity exposes the dataset of one inbound step.</summary>
public sealed class SqlTable
{
    [Input(Description = "Id of the step whose dataset this is")]
    public string Step { get; set; } = "";

    [Input(Description = "Table name to use for it in the query")]
    public string Table { get; set; } = "";
}
