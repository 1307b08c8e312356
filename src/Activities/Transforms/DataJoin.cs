using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Joins the dataset on Left with the one on Right by key columns. Named DataJoin because Join is the control
/// activity that waits for branches. Key pairs with the same name appear once (the value of whichever side has
/// it); other Right columns whose name the Left side already uses get a <c>_right</c> suffix. Semi and anti joins
/// return Left columns only. Its row order is not defined. Kept as a view when read once, else a table (<see cref="ResultKeeping"/>).
/// </summary>
[Activity(Category = "Transforms", Description = "Join two datasets on key columns: inner, left, right, full, semi or anti",
    InputPorts = [LeftPort, RightPort])]
public sealed class DataJoin : DataActivity
{
    public const string LeftPort = "Left";
    public const string RightPort = "Right";

    [Input(Description = "inner, left, right, full, semi or anti (named joinType: type is the activity's type)")]
    public Input<JoinType> JoinType { get; init; } = new(Transforms.JoinType.Inner);

    [Input(Description = "Key pairs that must be equal: [{left, right}]", Required = true)]
    public Input<List<JoinKey>> On { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var left = context.Input(LeftPort);
        var right = context.Input(RightPort);
        var type = context.Get(JoinType);
        var keys = context.Get(On);
        if (keys.Count == 0) throw new DataStepException("on: give at least one key pair, e.g. [{\"left\": \"id\", \"right\": \"customerId\"}]");
        var pairs = keys.Select(k => (Left: Require(left, k.Left, "Left"), Right: Require(right, k.Right, "Right"))).ToList();
        var condition = string.Join(" AND ", pairs.Select(p => $"l.{SqlText.Identifier(p.Left)} = r.{SqlText.Identifier(p.Right)}"));
        var from = $"{DataContext.From(left)} AS l";
        var select = type switch
        {
            Transforms.JoinType.Semi => $"SELECT l.* FROM {from} WHERE EXISTS (SELECT 1 FROM {DataContext.From(right)} AS r WHERE {condition})",
            Transforms.JoinType.Anti => $"SELECT l.* FROM {from} WHERE NOT EXISTS (SELECT 1 FROM {DataContext.From(right)} AS r WHERE {condition})",
            _ => $"SELECT {Projection(left, right, pairs)} FROM {from} {Keyword(type)} JOIN {DataContext.From(right)} AS r ON {condition}"
        };
        return DataResult.Done(await SqlErrors.Guard("on", () => ResultKeeping.BlockingAsync(context, select)));
    }

    private static string Require(Dataset side, string column, string port)
    {
        if (string.IsNullOrWhiteSpace(column) || side.Column(column) is null)
            throw new DataStepException($"on: {port.ToLowerInvariant()} column '{column}' does not exist; the {port} dataset has {Columns.Available(side)}");
        return side.Column(column)!.Name;
    }

    private static string Keyword(Transforms.JoinType type) => type switch
    {
        Transforms.JoinType.Left => "LEFT",
        Transforms.JoinType.Right => "RIGHT",
        Transforms.JoinType.Full => "FULL OUTER",
        _ => "INNER"
    };

    private static string Projection(Dataset left, Dataset right, List<(string Left, string Right)> pairs)
    {
        var shared = pairs.Where(p => string.Equals(p.Left, p.Right, StringComparison.OrdinalIgnoreCase)).ToList();
        var columns = left.Columns.Select(c => shared.Any(p => p.Left == c.Name)
            ? $"coalesce(l.{SqlText.Identifier(c.Name)}, r.{SqlText.Identifier(shared.First(p => p.Left == c.Name).Right)}) AS {SqlText.Identifier(c.Name)}"
            : $"l.{SqlText.Identifier(c.Name)}").ToList();
        var taken = new HashSet<string>(left.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var column in right.Columns.Where(c => !shared.Any(p => p.Right == c.Name)))
        {
            var name = column.Name;
            while (taken.Contains(name)) name += "_right";
            taken.Add(name);
            columns.Add($"r.{SqlText.Identifier(column.Name)} AS {SqlText.Identifier(name)}");
        }
        return string.Join(", ", columns);
    }
}
