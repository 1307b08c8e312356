using ElsaFlow.Activities.Tests.Support;

namespace ElsaFlow.Activities.Tests.Importers;

/// <summary>What the NiceFlow importer refuses (one problem per cause, naming the node) and what it accepts with a warning.</summary>
public sealed class NiceFlowRefusalTests : IAsyncDisposable
{
    private readonly DataHarness _data = new();

    public async ValueTask DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public void Import_UnsupportedNodesAndBrokenEdges_OneProblemEachAndNoDefinition()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("bad.json", """
            {"flow": {"name": "bad"},
             "nodes": [
              {"id": "CsvInput", "name": "read", "properties": {"filename": "x.csv"}},
              {"id": "PyScript", "name": "py", "properties": {"content": "print(1)"}},
              {"id": "IF", "name": "gate", "properties": {}},
              {"id": "MySQLInput", "name": "db", "properties": {"password": "123456"}},
              {"id": "MyPlugin", "name": "mine", "properties": {}}],
             "edges": [{"startId": "read", "endId": "py"}, {"startId": "read", "endId": "nowhere"}]}
            """)));

        Assert.Null(loaded.Definition);
        var problems = loaded.Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("activity 'py'") && p.Contains("PyScript") && p.Contains("Python"));
        Assert.Contains(problems, p => p.Contains("activity 'gate'") && p.Contains("field 'decide'") && p.Contains("required"));
        Assert.Contains(problems, p => p.Contains("activity 'db'") && p.Contains("connector not available"));
        Assert.Contains(problems, p => p.Contains("activity 'mine'") && p.Contains("unknown plugin"));
        Assert.Contains(problems, p => p.Contains("edges[1]") && p.Contains("'nowhere'"));
        Assert.All(problems, p => Assert.Contains("flow 'bad'", p));
        Assert.DoesNotContain(problems, p => p.Contains("123456"));
    }

    [Fact]
    public void Import_PythonOnlyCondition_IsRefusedNamingTheField()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("py-if.json", """
            {"flow": {}, "nodes": [{"id": "IF", "name": "gate", "properties": {"decide": "len('${x}') > 2"}}], "edges": []}
            """)));

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("gate", problem.ActivityId);
        Assert.Equal("decide", problem.Field);
        Assert.Contains("len", problem.Message);
    }

    [Fact]
    public void Import_OldFileShapes_AcceptedWithWarnings()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("old.json", """
            {"nodes": [
              {"id": "CsvInput", "name": "input-device", "properties": {"filename": "x.csv", "file_encode": "gbk", "delimiter": "None"}},
              {"id": "ConsoleOutput", "name": "print", "properties": {}},
              {"id": "ConsoleOutput", "name": "print", "properties": {"row": 5}}],
             "edges": [{"startId": "input-device", "endId": "print"}]}
            """)));

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var definition = loaded.Definition!;
        Assert.Equal("old", definition.DefinitionId);
        Assert.Equal(["input_device", "print"], definition.Root.Activities.Select(a => a.Id));
        Assert.Equal("input-device", definition.Root.Activities[0].Name);
        Assert.Equal("input_device", Assert.Single(definition.Root.Connections).Source.Activity);
        Assert.Equal(5, definition.Root.Activities[1].Inputs["rows"]!.GetValue<int>());
        var warnings = definition.Metadata!["importedFrom"]!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("file_encode") && w.Contains("ignored"));
        Assert.Contains(warnings, w => w.Contains("delimiter") && w.Contains("None"));
        Assert.Contains(warnings, w => w.Contains("two nodes are named 'print'"));
        Assert.Equal("NiceFlow", definition.Metadata["importedFrom"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public void Import_UnknownPlaceholder_BecomesAnEmptyInputWithAWarning()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("unknown.json", """
            {"flow": {"param": ""}, "nodes": [{"id": "Printer", "name": "say", "properties": {"msg": "[${who}]"}}], "edges": []}
            """)));

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var input = Assert.Single(loaded.Definition!.Inputs);
        Assert.Equal(("who", ""), (input.Name, input.Default!.GetValue<string>()));
    }
}
