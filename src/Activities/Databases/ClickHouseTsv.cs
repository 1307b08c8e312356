using System.Globalization;
using System.Text;

namespace ElsaFlow.Activities.Databases;

/// <summary>ClickHouse's TabSeparated format: \N for NULL, and backslash escapes for tab, newline, backslash and the rest.</summary>
internal static class ClickHouseTsv
{
    public const string Null = "\\N";

    /// <summary>The fields of one line, unescaped (null for \N).</summary>
    public static string?[] Fields(string line)
    {
        var fields = new List<string?>();
        var current = new StringBuilder();
        var raw = new StringBuilder();
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == '\t')
            {
                fields.Add(raw.ToString() == Null ? null : current.ToString());
                current.Clear();
                raw.Clear();
                continue;
            }
            var c = line[i];
            raw.Append(c);
            if (c != '\\' || i + 1 == line.Length) { current.Append(c); continue; }
            var next = line[++i];
            raw.Append(next);
            current.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', '0' => '\0', 'b' => '\b', 'f' => '\f', 'N' => 'N', _ => next });
        }
        return [.. fields];
    }

    /// <summary>Appends one value in the form an INSERT ... FORMAT TabSeparated reads.</summary>
    public static void Write(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null: line.Append(Null); return;
            case bool b: line.Append(b ? '1' : '0'); return;
            case DateTime dt: line.Append(dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); return;
            case DateTimeOffset dto: line.Append(dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); return;
            case DateOnly d: line.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); return;
            case TimeOnly t: line.Append(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); return;
            case byte[] bytes: Escape(line, Convert.ToHexString(bytes)); return;
            case IFormattable f: line.Append(f.ToString(null, CultureInfo.InvariantCulture)); return;
            default: Escape(line, value.ToString() ?? ""); return;
        }
    }

    private static void Escape(StringBuilder line, string text)
    {
        foreach (var c in text)
            line.Append(c switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\\' => "\\\\", '\0' => "\\0", _ => c.ToString() });
    }
}
