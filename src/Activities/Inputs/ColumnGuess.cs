using System.Globalization;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Picks a DuckDB type for a column of values read by .NET (Excel cells, HTML text, SQLite values) and converts the
/// values to it: BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP, or VARCHAR when they do not agree.
/// </summary>
internal static class ColumnGuess
{
    public static string TypeOf(IEnumerable<object?> values, bool parseText)
    {
        string? type = null;
        foreach (var value in values)
        {
            if (value is null || value is string { Length: 0 }) continue;
            var kind = KindOf(value, parseText);
            type = type is null ? kind : Combine(type, kind);
            if (type == "VARCHAR") return type;
        }
        return type ?? "VARCHAR";
    }

    /// <summary>The value as the CLR type the appender writes for <paramref name="type"/>; null for empty cells.</summary>
    public static object? Convert(object? value, string type)
    {
        if (value is null || value is DBNull || value is string { Length: 0 } && type != "VARCHAR") return null;
        return type switch
        {
            "BOOLEAN" => value is bool b ? b : bool.Parse(Text(value)),
            "BIGINT" => value is string s ? long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture) : System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
            "DOUBLE" => value is string d ? double.Parse(d, NumberStyles.Float, CultureInfo.InvariantCulture) : System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            "DATE" => DateOnly.FromDateTime((DateTime)value),
            "TIMESTAMP" => (DateTime)value,
            "BLOB" => value as byte[] ?? System.Text.Encoding.UTF8.GetBytes(Text(value)),
            _ => Text(value)
        };
    }

    public static string Text(object value) => value switch
    {
        string s => s,
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };

    private static string KindOf(object value, bool parseText) => value switch
    {
        bool => "BOOLEAN",
        byte or sbyte or short or ushort or int or uint or long => "BIGINT",
        double d when d % 1 == 0 && Math.Abs(d) < 9e15 => "BIGINT",
        float or double or decimal => "DOUBLE",
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? "DATE" : "TIMESTAMP",
        string s when parseText && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "BIGINT",
        string s when parseText && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "DOUBLE",
        _ => "VARCHAR"
    };

    private static string Combine(string a, string b) => (a, b) switch
    {
        _ when a == b => a,
        ("BIGINT", "DOUBLE") or ("DOUBLE", "BIGINT") => "DOUBLE",
        ("DATE", "TIMESTAMP") or ("TIMESTAMP", "DATE") => "TIMESTAMP",
        _ => "VARCHAR"
    };
}
