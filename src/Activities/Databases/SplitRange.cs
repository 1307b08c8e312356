namespace ElsaFlow.Activities.Databases;

/// <summary>
/// One reader's share of a parallel read, as DataX's splitPk: a range [From, To) of an integer key (the last range
/// includes To, the first one also takes the rows whose key is NULL).
/// </summary>
internal sealed record SplitRange(long From, long To, bool First, bool Last)
{
    /// <summary>Up to <paramref name="parts"/> ranges of near-equal width covering [min, max]; fewer when there are fewer keys.</summary>
    public static IReadOnlyList<SplitRange> Split(long min, long max, int parts)
    {
        var width = (decimal)max - min + 1;
        parts = (int)Math.Max(1, Math.Min(parts, width));
        var ranges = new List<SplitRange>();
        for (var k = 0; k < parts; k++)
        {
            var from = (long)(min + Math.Floor(width * k / parts));
            var to = k == parts - 1 ? max : (long)(min + Math.Floor(width * (k + 1) / parts));
            ranges.Add(new SplitRange(from, to, k == 0, k == parts - 1));
        }
        return ranges;
    }

    /// <summary>The WHERE condition on the quoted key, with the two bounds as the parameters at the given markers.</summary>
    public string Condition(string key, string fromMarker, string toMarker) =>
        $"({key} >= {fromMarker} AND {key} {(Last ? "<=" : "<")} {toMarker}{(First ? $" OR {key} IS NULL" : "")})";
}
