using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>
/// The one thing the engine knows about datasets: a token object with a "dataset" name refers to rows that live
/// elsewhere. Control activities hand such tokens to the code activities named here, which the data plane provides.
/// </summary>
public static class DataReferences
{
    /// <summary>Code activity that reads a dataset's rows as a JSON array (inputs: dataset, maxItems).</summary>
    public const string ReadRowsActivity = "DatasetRows";

    /// <summary>Code activity that routes a dataset's rows to Switch cases by SQL conditions (inputs: cases, mode).</summary>
    public const string SwitchRowsActivity = "SwitchRows";

    /// <summary>Code activity that joins the datasets arriving on a Join's Left and Right ports (inputs: joinType, on).</summary>
    public const string JoinRowsActivity = "DataJoin";

    public static bool IsDataset(JsonNode? token) =>
        token is JsonObject o && o["dataset"] is JsonValue v && v.TryGetValue<string>(out _);
}
