using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Fires every branch port at once; their activities run concurrently.</summary>
[Activity(Category = "Control", Description = "Fire every branch at once so they run concurrently", Outcomes = [])]
public sealed class Fork : ControlActivity, IDynamicPorts
{
    [Input(Description = "Names of the branch ports", Required = true)]
    public Input<List<string>> Branches { get; init; } = new();

    public IEnumerable<string> GetOutcomes(ActivityNode node) => BranchNames(node.Inputs.GetValueOrDefault("branches"));

    public override void Execute(ControlContext context) => context.Fire(context.Get(Branches));

    public override void Validate(ActivityValidationContext context)
    {
        var names = BranchNames(context.Raw("branches")).ToList();
        if (context.Has("branches") && names.Count == 0) context.Report("branches", "give at least one branch name");
        foreach (var name in names.Where(Ports.Reserved.Contains))
            context.Report("branches", $"branch name '{name}' is reserved (In, Done and Error cannot name a branch)");
        foreach (var name in names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))
            context.Report("branches", $"branch name '{name}' is used twice");
    }

    private static IEnumerable<string> BranchNames(JsonNode? branches) =>
        branches is JsonArray array ? array.Select(b => b is JsonValue v && v.TryGetValue<string>(out var s) ? s : "") : [];
}
