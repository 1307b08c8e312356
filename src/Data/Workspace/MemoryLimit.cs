using System.Globalization;
using System.Text.RegularExpressions;

namespace ElsaFlow.Data.Workspace;

/// <summary>
/// The cap on the memory DuckDB uses for one instance's workspace (<c>ElsaFlow:Data:MemoryLimit</c>, the CLI's
/// <c>--memory-limit</c>), written as DuckDB reads it: a number and a unit (512MB, 2GB, 1.5GiB). Past the cap DuckDB
/// spills sorts, joins and aggregations to its temporary folder, which is beside the workspace file, inside the state
/// folder (<c>&lt;instance&gt;.duckdb.tmp</c>), never in a data root; what cannot spill fails with an out-of-memory error
/// that names the step (<see cref="DataFailure"/>).
/// </summary>
public static partial class MemoryLimit
{
    /// <summary>The setting's name in errors.</summary>
    public const string Setting = "ElsaFlow:Data:MemoryLimit";

    /// <summary>The text DuckDB's memory_limit gets, or null for DuckDB's own default (80% of the machine's memory per database).</summary>
    public static string? Parse(string? text, string setting = Setting)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Size().Match(text.Trim());
        if (!match.Success)
            throw new ArgumentException($"{setting}: '{text}' is not a memory size; write a number and a unit, for example 512MB, 2GB or 1.5GiB");
        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["u"].Value.ToUpperInvariant();
        var bytes = number * unit switch
        {
            "B" => 1d, "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12,
            "KIB" => 1024d, "MIB" => 1024d * 1024, "GIB" => 1024d * 1024 * 1024, _ => 1024d * 1024 * 1024 * 1024
        };
        // DuckDB needs room for a few blocks of 256 KB per thread to run anything at all.
        if (bytes < 16e6) throw new ArgumentException($"{setting}: '{text}' is below 16MB, too little for DuckDB to run a query; give at least 16MB");
        return $"{match.Groups["n"].Value}{match.Groups["u"].Value}";
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
