using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// The exact text of a PostgreSQL NUMERIC from its binary wire form (digit count, weight, sign, display scale, then
/// base-10000 digits), for values wider than .NET's decimal, which Npgsql cannot read otherwise.
/// </summary>
internal static class PostgresNumeric
{
    public static string Text(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray().AsSpan();
        var count = BinaryPrimitives.ReadInt16BigEndian(bytes);
        var weight = BinaryPrimitives.ReadInt16BigEndian(bytes[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(bytes[6..]);
        if (sign == 0xC000) return "NaN";
        if (sign == 0xD000) return "Infinity";
        if (sign == 0xF000) return "-Infinity";
        var digits = new short[count];
        for (var k = 0; k < count; k++) digits[k] = BinaryPrimitives.ReadInt16BigEndian(bytes[(8 + 2 * k)..]);

        var text = new StringBuilder(sign == 0x4000 ? "-" : "");
        // Whole part: groups 0..weight.
        if (weight < 0) text.Append('0');
        for (var g = 0; g <= weight; g++)
        {
            var group = g < count ? digits[g] : (short)0;
            text.Append(g == 0 ? group.ToString(CultureInfo.InvariantCulture) : group.ToString("D4", CultureInfo.InvariantCulture));
        }
        if (scale <= 0) return text.ToString();
        var fraction = new StringBuilder();
        for (var g = weight + 1; fraction.Length < scale; g++)
        {
            var group = g >= 0 && g < count ? digits[g] : (short)0;
            fraction.Append(group.ToString("D4", CultureInfo.InvariantCulture));
        }
        return text.Append('.').Append(fraction.ToString(0, scale)).ToString();
    }
}
