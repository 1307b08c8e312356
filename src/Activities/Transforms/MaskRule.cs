using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>A column to mask and how.</summary>
public sealed class MaskRule
{
    [Input(Description = "Column to mask")]
    public string Column { get; set; } = "";

    [Input(Description = "mask (by position), hash, email or phone")]
    public MaskMode Mode { get; set; } = MaskMode.Mask;

    [Input(Description = "First character to hide, counted from 0 (mask mode)")]
    public int StartIndex { get; set; }

    [Input(Description = "How many characters to hide; all the rest when empty (mask mode)")]
    public int? Length { get; set; }

    [Input(Description = "Character written in place of hidden ones")]
    public string Sign { get; set; } = "*";
}
