using System.Data.Common;

namespace ElsaFlow.Activities.Databases;

/// <summary>One result column as it lands in the workspace: its DuckDB type and how a value is read from the server's reader.</summary>
internal sealed record ReadColumn(string Name, string DuckType, Func<DbDataReader, int, object?> Read);
