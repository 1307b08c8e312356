using System.Text;

namespace ElsaFlow.FlowCorpus;

/// <summary>
/// Malformed and hostile flow documents: handwritten attacks (aliases, deep nesting, duplicate keys, huge numbers,
/// wrong types, binary junk) and, from the sample flows, truncations and seeded random mutations. The same seed gives
/// the same corpus, so a failing case can be made again from its name.
/// </summary>
public static class HostileFlows
{
    /// <summary>The repository's workflows/ folder, found by walking up from the running assembly to ElsaFlow.sln.</summary>
    public static string SamplesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ElsaFlow.sln"))) return Path.Combine(dir.FullName, "workflows");
            throw new InvalidOperationException("ElsaFlow.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The handwritten cases and the mutated samples.</summary>
    public static IEnumerable<FlowCase> All(int mutationsPerFile, int seed) =>
        Handwritten().Concat(FromSamples(SamplesFolder, mutationsPerFile, seed));

    public static IEnumerable<FlowCase> Handwritten()
    {
        yield return new("yaml-self-alias", ".yaml", "root: &a {id: r, type: Sequence, activities: [*a]}\n");
        yield return new("yaml-alias-value", ".yaml", "definitionId: &x f\nname: *x\nroot: {id: root, type: Flowchart}\n");
        yield return new("yaml-billion-laughs", ".yaml", BillionLaughs());
        yield return new("yaml-merge-key", ".yaml", "base: &b {type: Log}\nroot: {<<: *b, id: root}\n");
        yield return new("yaml-duplicate-key", ".yaml", "definitionId: a\ndefinitionId: b\nroot: {id: root, type: Flowchart}\n");
        yield return new("yaml-complex-key", ".yaml", "? [a, b]\n: c\nroot: {id: root, type: Flowchart}\n");
        yield return new("yaml-deep-flow", ".yaml", "root: " + new string('[', 100_000) + "\n");
        yield return new("yaml-deep-block", ".yaml", DeepBlockYaml(2_000));
        yield return new("yaml-unclosed", ".yaml", "definitionId: \"f\nroot: {id: root\n");
        yield return new("yaml-tab-indent", ".yaml", "root:\n\tid: root\n");
        yield return new("yaml-two-documents", ".yaml", "definitionId: a\nroot: {id: root, type: Flowchart}\n---\n[1, 2\n");
        yield return new("yaml-huge-int", ".yaml", "definitionId: f\nversion: 99999999999999999999999\nroot: {id: root, type: Flowchart}\n");
        yield return new("yaml-huge-hex", ".yaml", "definitionId: f\nversion: 0xFFFFFFFFFFFFFFFFFFFF\nroot: {id: root, type: Flowchart}\n");
        yield return new("yaml-huge-octal", ".yaml", "definitionId: f\nversion: 0o7777777777777777777777777\nroot: {id: root, type: Flowchart}\n");
        yield return new("json-deep-objects", ".json", string.Concat(Enumerable.Repeat("{\"a\":", 50_000)));
        yield return new("json-deep-lists", ".json", "{\"root\": " + new string('[', 100_000) + "}");
        yield return new("json-deep-activities", ".json", DeepActivities(500));
        yield return new("json-duplicate-key", ".json", """{"definitionId": "a", "definitionId": "b", "root": {"id": "root", "type": "Flowchart"}}""");
        yield return new("json-duplicate-input", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "l", "type": "Log", "message": "a", "message": "b"}]}}""");
        yield return new("json-huge-version", ".json", """{"definitionId": "a", "version": 99999999999999999999999, "root": {"id": "root", "type": "Flowchart"}}""");
        yield return new("json-huge-exponent", ".json", """{"definitionId": "a", "version": 1e999999, "root": {"id": "root", "type": "Flowchart"}}""");
        yield return new("json-huge-attempts", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "l", "type": "Log", "message": "a", "retry": {"attempts": 99999999999999999999, "delay": "00:00:01"}}]}}""");
        yield return new("json-huge-input", ".json", """{"definitionId": "a", "inputs": [{"name": "n", "type": "Integer", "default": 99999999999999999999999}], "root": {"id": "root", "type": "Sequence", "activities": [{"id": "w", "type": "While", "condition": "false", "maxIterations": 99999999999999999999}, {"id": "f", "type": "For", "from": 1e400, "to": -99999999999999999999, "step": 0.5}]}}""");
        yield return new("json-huge-delay", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "d", "type": "Delay", "duration": "99999999.00:00:00", "delay": "10675199.02:48:05.4775808"}]}}""");
        yield return new("json-non-ascii-id", ".json", """{"definitionId": "流程-é", "root": {"id": "root", "type": "Flowchart"}}""");
        yield return new("json-control-char-id", ".json", "{\"definitionId\": \"a\\u0000b\\r\\nc\", \"root\": {\"id\": \"root\", \"type\": \"Flowchart\"}}");
        yield return new("json-escaped-lone-surrogate", ".json", """{"definitionId": "a\ud800", "name": "\udfff", "\ud800": 1, "root": {"id": "root", "type": "Flowchart"}}""");
        yield return new("json-root-number", ".json", """{"definitionId": "a", "root": 5}""");
        yield return new("json-document-list", ".json", "[1, 2, 3]");
        yield return new("json-null", ".json", "null");
        yield return new("json-empty", ".json", "");
        yield return new("json-activities-text", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Flowchart", "activities": "all of them", "connections": {"a": 1}}}""");
        yield return new("json-wrong-types", ".json", """{"definitionId": 5, "name": [], "version": "x", "inputs": {}, "variables": 3, "metadata": "m", "root": {"id": 1, "type": true, "start": [], "retry": 5, "delay": {}, "onError": 3, "worker": []}}""");
        yield return new("json-wrong-inputs", ".json", WrongInputs());
        yield return new("json-bad-connections", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Flowchart", "activities": [{"id": "x", "type": "Log", "message": "m"}], "connections": [{}, {"source": 1, "target": "x"}, {"source": {"activity": "nowhere"}, "target": {"activity": "x", "port": 7}}, {"source": {"activity": "x"}, "target": {"activity": "x"}}]}}""");
        yield return new("json-bad-expressions", ".json", """{"definitionId": "a", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "l", "type": "Log", "message": {"expression": {"type": "JavaScript", "value": "((((("}}}, {"id": "m", "type": "Log", "message": {"expression": {"type": "Liquid", "value": "{% for"}}}, {"id": "n", "type": "Log", "message": {"expression": 5}}, {"id": "o", "type": "Log", "message": {"expression": {"type": 1, "value": []}}}]}}""");
        yield return new("xml-deep", ".xml", "<workflow definitionId=\"a\">" + string.Concat(Enumerable.Repeat("<sequence id=\"s\">", 20_000)) + "</workflow>");
        yield return new("xml-deep-values", ".xml", "<workflow definitionId=\"a\"><metadata>" + string.Concat(Enumerable.Repeat("<a>", 20_000)) + "</metadata></workflow>");
        yield return new("xml-entity-expansion", ".xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><workflow definitionId=\"&c;\"/>");
        yield return new("xml-external-entity", ".xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><workflow definitionId=\"&x;\"/>");
        yield return new("xml-duplicate-input", ".xml", "<workflow definitionId=\"a\"><sequence id=\"root\"><activity id=\"l\" type=\"Log\"><message>a</message><message>b</message></activity></sequence></workflow>");
        yield return new("xml-huge-number", ".xml", "<workflow definitionId=\"a\" version=\"99999999999999999999\"><sequence id=\"root\"><activity id=\"w\" type=\"While\"><condition>false</condition><maxIterations type=\"number\">1e99999</maxIterations></activity></sequence></workflow>");
        yield return new("xml-bad-hint", ".xml", "<workflow definitionId=\"a\"><sequence id=\"root\"><activity id=\"l\" type=\"Log\"><message type=\"banana\">x</message></activity></sequence></workflow>");
        yield return new("xml-wrong-root", ".xml", "<flow/>");
        yield return new("xml-unclosed", ".xml", "<workflow definitionId=\"a\"><sequence id=\"root\">");
        foreach (var extension in new[] { ".json", ".yaml", ".xml" })
        {
            yield return new("binary", extension, Binary(new Random(7), 100_000));
            yield return new("nul-bytes", extension, new string('\0', 1_000));
            yield return new("bom-only", extension, "\uFEFF");
            yield return new("whitespace", extension, "  \n\t\n ");
            yield return new("lone-surrogates", extension, "\uD800\uDC00\uDFFF\uD800 definitionId");
        }
    }

    /// <summary>Each sample cut short at several points, and mutated at random (bytes replaced, inserted, removed, lines swapped).</summary>
    public static IEnumerable<FlowCase> FromSamples(string samplesFolder, int mutationsPerFile, int seed)
    {
        var files = Directory.EnumerateFiles(samplesFolder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml" or ".xml")
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileNameWithoutExtension(file);
            var extension = Path.GetExtension(file);
            foreach (var fraction in new[] { 0.1, 0.5, 0.9 })
                yield return new($"{name}-truncated-{fraction:0.0}", extension, text[..(int)(text.Length * fraction)]);
            var random = new Random(HashCode.Combine(seed, name.Length, name[0], extension.Length));
            for (var i = 0; i < mutationsPerFile; i++)
                yield return new($"{name}-mutation-{seed}-{i}", extension, Mutate(text, random));
        }
    }

    private static readonly string[] Splices =
    [
        "&a ", "*a", "99999999999999999999999", "-1e400", "{", "}", "[", "]", "<", ">", "\"", "'", ":", ",", "\n", "\t", "\0",
        "null", "true", "[[[[[[[[", "{{{{", "<a><a><a>", "${", "&amp;", "\uFFFF", "é", "\\u0000", "!!binary ", "? ", "- ", "---\n"
    ];

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(5))
            {
                case 0: chars[at] = (char)random.Next(0, 128); break;
                case 1: chars.Insert(at, Splices[random.Next(Splices.Length)]); break;
                case 2: chars.Remove(at, Math.Min(random.Next(1, 40), chars.Length - at)); break;
                case 3: chars.Insert(at, chars.ToString(at, Math.Min(random.Next(1, 200), chars.Length - at))); break;
                default:
                    var lines = chars.ToString().Split('\n');
                    var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    chars.Clear().Append(string.Join('\n', lines));
                    break;
            }
        }
        return chars.ToString();
    }

    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append($"{level}: &{level} [{string.Join(',', Enumerable.Repeat($"*{previous}", 9))}]\n");
        }
        return yaml.Append("root: *i\n").ToString();
    }

    private static string DeepBlockYaml(int depth)
    {
        var yaml = new StringBuilder("definitionId: f\nroot:\n");
        for (var i = 0; i < depth; i++) yaml.Append(' ', i + 1).Append("a:\n");
        return yaml.ToString();
    }

    private static string DeepActivities(int depth)
    {
        var json = new StringBuilder("{\"definitionId\": \"deep\", \"root\": ");
        for (var i = 0; i < depth; i++) json.Append($"{{\"id\": \"s{i}\", \"type\": \"Sequence\", \"activities\": [");
        for (var i = 0; i < depth; i++) json.Append("]}");
        return json.Append('}').ToString();
    }

    private static string WrongInputs()
    {
        string[] values = ["[]", "{}", "1e308", "-99999999999999999999", "true", "null", "\"\"", "{\"expression\": {}}", "[[{}]]"];
        var activities = new List<string>();
        string[] types = ["Log", "SetVariable", "If", "While", "For", "ForEach", "Fork", "Join", "Switch", "Delay", "Pause", "Event", "Fault", "Finish", "SubFlow", "DispatchFlow", "Break"];
        string[] keys = ["message", "variable", "value", "condition", "maxIterations", "from", "to", "step", "items", "branches", "mode", "cases", "duration", "name", "path", "definitionId", "input", "parallelism", "level", "outcome"];
        var n = 0;
        foreach (var type in types)
            foreach (var value in values)
                activities.Add($"{{\"id\": \"a{n++}\", \"type\": \"{type}\", {string.Join(", ", keys.Select(k => $"\"{k}\": {value}"))}}}");
        return $"{{\"definitionId\": \"wrong\", \"variables\": [{{\"name\": \"v\"}}], \"root\": {{\"id\": \"root\", \"type\": \"Sequence\", \"activities\": [{string.Join(", ", activities)}]}}}}";
    }

    private static string Binary(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
