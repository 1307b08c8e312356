namespace ElsaFlow.Activities.Databases;

/// <summary>Apache Doris over its MySQL protocol (frontend query port), through MySqlConnector.</summary>
internal sealed class DorisDialect : MySqlDialect
{
    public static new readonly DorisDialect Instance = new();

    public override string Product => "Doris";
    public override IReadOnlyCollection<string> Kinds { get; } = ["doris"];
}
