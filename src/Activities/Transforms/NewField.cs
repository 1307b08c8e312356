using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>A column AddField adds: from a SQL expression, a constant value, or a sequence number.</summary>
public sealed class NewField
{
    [Input(Description = "Name of the new column")]
    public string Name { get; set; } = "";

    [Input(Description = "SQL expression over the input's columns, e.g. price * quantity", DefaultSyntax = "Sql", UiHint = "code:sql")]
    public string? Expression { get; set; }

    [Input(Description = "A constant value for every row")]
    public JsonNode? Value { get; set; }

    [Input(Description = "Number the rows: start, start + step, ... in the input's row order")]
    public bool Sequence { get; set; }

    [Input(Description = "First number of the sequence")]
    public long Start { get; set; } = 1;

    [Input(Description = "Step of the sequence")]
    public long Step { get; set; } = 1;
}
