using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Maps a server column (its CLR type, type name, precision and scale from the reader's schema) to the DuckDB type that
/// holds its values without loss: unsigned stay unsigned, decimals keep precision and scale, times with a zone stay
/// instants, JSON stays JSON. What DuckDB has no type for (arrays, geometry, ...) arrives as text.
/// </summary>
internal static class ReadColumns
{
    /// <summary>Decimals wider than .NET's decimal (28 digits) are read as text, so no digit is lost.</summary>
    private const int WidestDecimal = 28;

    public static ReadColumn Map(DbColumn column)
    {
        var name = column.ColumnName;
        var typeName = (column.DataTypeName ?? "").ToLowerInvariant();
        var type = Nullable.GetUnderlyingType(column.DataType ?? typeof(string)) ?? column.DataType ?? typeof(string);
        if (typeName is "json" or "jsonb") return new(name, "JSON", Text);
        if (type == typeof(bool)) return new(name, "BOOLEAN", Value);
        if (type == typeof(sbyte)) return new(name, "TINYINT", Value);
        if (type == typeof(byte)) return new(name, "UTINYINT", Value);
        if (type == typeof(short)) return new(name, "SMALLINT", Value);
        if (type == typeof(ushort)) return new(name, "USMALLINT", Value);
        if (type == typeof(int)) return new(name, "INTEGER", Value);
        if (type == typeof(uint)) return new(name, "UINTEGER", Value);
        if (type == typeof(long)) return new(name, "BIGINT", Value);
        if (type == typeof(ulong)) return new(name, "UBIGINT", Value);
        if (type == typeof(float)) return new(name, "FLOAT", Value);
        if (type == typeof(double)) return new(name, "DOUBLE", Value);
        if (type == typeof(decimal)) return Decimal(column);
        if (type == typeof(DateOnly)) return new(name, "DATE", Value);
        if (type == typeof(TimeOnly)) return new(name, "TIME", Value);
        if (type == typeof(TimeSpan))
            return typeName.Contains("interval") ? new(name, "INTERVAL", Value) : new(name, "TIME", (r, i) => TimeOnly.FromTimeSpan(r.GetFieldValue<TimeSpan>(i)));
        if (type == typeof(DateTimeOffset))
            return typeName.StartsWith("time with", StringComparison.Ordinal) || typeName == "timetz"
                ? new(name, "VARCHAR", (r, i) => r.GetFieldValue<DateTimeOffset>(i).ToString("HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture))
                : new(name, "TIMESTAMPTZ", Value);
        if (type == typeof(DateTime)) return DateTime(name, typeName);
        if (type == typeof(byte[])) return new(name, "BLOB", Value);
        if (type == typeof(Guid)) return new(name, "UUID", Value);
        if (type == typeof(string) || type == typeof(char)) return new(name, "VARCHAR", Text);
        return new(name, "VARCHAR", (r, i) => Describe(r.GetValue(i)));
    }

    private static ReadColumn Decimal(DbColumn column)
    {
        var precision = column.NumericPrecision ?? 0;
        var scale = Math.Max(column.NumericScale ?? 0, 0);
        // An unconstrained NUMERIC (PostgreSQL) reports no precision: read it as text rather than guess a width.
        if (precision <= 0 || precision > WidestDecimal || scale > precision)
            return new(column.ColumnName, "VARCHAR", (r, i) => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture));
        return new(column.ColumnName, $"DECIMAL({precision},{scale})", Value);
    }

    private static ReadColumn DateTime(string name, string typeName)
    {
        if (typeName is "date" || typeName.StartsWith("date ", StringComparison.Ordinal))
            return new(name, "DATE", (r, i) => DateOnly.FromDateTime(r.GetDateTime(i)));
        if (typeName.Contains("with time zone") || typeName is "timestamptz")
            return new(name, "TIMESTAMPTZ", (r, i) => new DateTimeOffset(System.DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc)));
        return new(name, "TIMESTAMP", (r, i) => System.DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Unspecified));
    }

    private static object? Value(DbDataReader reader, int ordinal) => reader.GetValue(ordinal);

    private static object? Text(DbDataReader reader, int ordinal) => Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Arrays as [a, b], everything else by its invariant text.</summary>
    private static string Describe(object value) => value switch
    {
        string s => s,
        IEnumerable items and not byte[] => "[" + string.Join(", ", items.Cast<object?>().Select(v => v is null ? "NULL" : Describe(v))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };
}
