using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

/// <summary>An activity with one input of every kind the validator and the XML coercion care about.</summary>
[Activity(Type = "CsvInput", Category = "Inputs", Outcomes = ["Done", "Rejected"])]
public sealed class FakeCsvInput : CodeActivity
{
    [Input(Required = true)] public Input<string> Path { get; init; } = new("");
    public Input<int> SkipRows { get; init; } = new(0);
    public Input<double> Ratio { get; init; } = new(1.0);
    public Input<bool> HasHeader { get; init; } = new(true);
    public Input<TimeSpan> Wait { get; init; } = new(TimeSpan.Zero);
    public Input<ReadMode> Mode { get; init; } = new(ReadMode.Strict);
    public Input<List<SortKey>> By { get; init; } = new([]);
    public Input<Dictionary<string, string>> Headers { get; init; } = new([]);
    [Input(Sensitive = true)] public Input<string> Password { get; init; } = new("");
    public Input<string> Message { get; init; } = new("");

    public override ValueTask RunAsync(ActivityContext context) => ValueTask.CompletedTask;
}
