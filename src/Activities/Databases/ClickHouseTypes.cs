using System.Globalization;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// ClickHouse column types and DuckDB's, both ways. Reading, a value arrives as TabSeparated text and is parsed to the
/// mapped type (Nullable and LowCardinality unwrapped); writing, a created table's columns are Nullable so NULLs survive.
/// </summary>
internal static class ClickHouseTypes
{
    public static (string DuckType, Func<string, object?> Parse) Read(string clickHouseType)
    {
        var type = Unwrap(clickHouseType);
        static object Int(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        return type switch
        {
            "Int8" => ("TINYINT", s => sbyte.Parse(s, CultureInfo.InvariantCulture)),
            "Int16" => ("SMALLINT", s => short.Parse(s, CultureInfo.InvariantCulture)),
            "Int32" => ("INTEGER", s => int.Parse(s, CultureInfo.InvariantCulture)),
            "Int64" => ("BIGINT", Int),
            "UInt8" => ("UTINYINT", s => byte.Parse(s, CultureInfo.InvariantCulture)),
            "UInt16" => ("USMALLINT", s => ushort.Parse(s, CultureInfo.InvariantCulture)),
            "UInt32" => ("UINTEGER", s => uint.Parse(s, CultureInfo.InvariantCulture)),
            "UInt64" => ("UBIGINT", s => ulong.Parse(s, CultureInfo.InvariantCulture)),
            "Float32" => ("FLOAT", s => float.Parse(Infinity(s), CultureInfo.InvariantCulture)),
            "Float64" => ("DOUBLE", s => double.Parse(Infinity(s), CultureInfo.InvariantCulture)),
            "Date" => ("DATE", s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "UUID" => ("UUID", s => Guid.Parse(s)),
            _ when type.StartsWith("DateTime", StringComparison.Ordinal) => ("TIMESTAMP", s => DateTime.Parse(s, CultureInfo.InvariantCulture)),
            _ when type.StartsWith("Decimal", StringComparison.Ordinal) && Decimal(type) is { } d =>
                (d.Precision <= 28 ? $"DECIMAL({d.Precision},{d.Scale})" : "VARCHAR", d.Precision <= 28 ? s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : s => s),
            _ => ("VARCHAR", s => s)
        };
    }

    public static string Create(string duckType) => "Nullable(" + (duckType switch
    {
        "BOOLEAN" or "UTINYINT" => "UInt8",
        "TINYINT" => "Int8",
        "SMALLINT" => "Int16",
        "INTEGER" => "Int32",
        "BIGINT" => "Int64",
        "USMALLINT" => "UInt16",
        "UINTEGER" => "UInt32",
        "UBIGINT" => "UInt64",
        "FLOAT" => "Float32",
        "DOUBLE" => "Float64",
        "DATE" => "Date",
        // DateTime64 (fractions of a second) came with ClickHouse 20.1; DateTime keeps whole seconds, in UTC for instants.
        "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "DateTime",
        "UUID" => "UUID",
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => "Decimal" + duckType["DECIMAL".Length..],
        _ => "String"
    }) + ")";

    private static string Unwrap(string type)
    {
        foreach (var wrapper in new[] { "Nullable(", "LowCardinality(" })
            if (type.StartsWith(wrapper, StringComparison.Ordinal) && type.EndsWith(')'))
                return Unwrap(type[wrapper.Length..^1]);
        return type;
    }

    private static (int Precision, int Scale)? Decimal(string type)
    {
        var open = type.IndexOf('(');
        if (open < 0) return null;
        var parts = type[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        var size = type[..open] switch { "Decimal32" => 9, "Decimal64" => 18, "Decimal128" => 38, _ => 0 };
        return size > 0 ? (size, int.Parse(parts[0], CultureInfo.InvariantCulture))
            : parts.Length == 2 ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)) : null;
    }

    private static string Infinity(string s) => s switch { "inf" or "+inf" => "Infinity", "-inf" => "-Infinity", "nan" or "-nan" => "NaN", _ => s };
}
