using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>One text operation of Str on a column.</summary>
public sealed class StrOperation
{
    [Input(Description = "Column to work on (concat: the first part)")]
    public string Column { get; set; } = "";

    [Input(Description = "trim, upper, lower, replace, extract, substring, pad or concat",
        Options = ["trim", "upper", "lower", "replace", "extract", "substring", "pad", "concat"])]
    public string Operation { get; set; } = "";

    [Input(Description = "replace: the text (or, with regex, the pattern) to find")]
    public string? Find { get; set; }

    [Input(Description = "replace: what to put instead")]
    public string Replacement { get; set; } = "";

    [Input(Description = "replace: find is a regular expression")]
    public bool Regex { get; set; }

    [Input(Description = "extract: regular expression")]
    public string? Pattern { get; set; }

    [Input(Description = "extract: capture group to keep (0 = the whole match)")]
    public int Group { get; set; }

    [Input(Description = "substring: first character, counted from 0")]
    public int StartIndex { get; set; }

    [Input(Description = "substring: number of characters (the rest when empty); pad: width to pad to")]
    public int? Length { get; set; }

    [Input(Description = "pad: character to pad with")]
    public string Fill { get; set; } = " ";

    [Input(Description = "pad: left or right")]
    public string Side { get; set; } = "left";

    [Input(Description = "concat: further columns to append")]
    public List<string> Columns { get; set; } = [];

    [Input(Description = "concat: text between the parts")]
    public string Separator { get; set; } = "";

    [Input(Description = "Write the result to this column (new or existing) instead of the column itself")]
    public string? Target { get; set; }
}
