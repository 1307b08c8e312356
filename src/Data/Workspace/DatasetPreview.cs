using System.Text.Json.Nodes;

namespace ElsaFlow.Data.Workspace;

/// <summary>What a preview shows: the schema, how many rows there are, and one page of them.</summary>
public sealed record DatasetPreview(IReadOnlyList<DataColumn> Columns, long RowCount, int Offset, IReadOnlyList<JsonObject> Rows);
