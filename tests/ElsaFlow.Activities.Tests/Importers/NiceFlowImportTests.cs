using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Importers;

/// <summary>NiceFlow flows (written for these tests) run unchanged through the loader, with NiceFlow's results.</summary>
public sealed class NiceFlowImportTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("data/sales.csv", "id,region,amount\n3,EU,30\n1,US,10\n2,EU,20\n4,ASIA,40\n");
        _data.WriteFile("data/people.csv", "name,city\nann,Paris\nbob,Rome\ncid,Oslo\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private const string SortFlow = """
        {"flow": {"name": "", "uid": "", "param": {}},
         "nodes": [
          {"id": "CsvInput", "name": "read-1", "type": "input", "properties": {"file_name": "data/sales.csv", "file_header": "Y"}},
          {"id": "Sort", "name": "sort", "type": "translate", "properties": {"columns": [{"field": "amount", "sort": "DESC"}]}},
          {"id": "Rename", "name": "rename", "properties": {"columns": [{"field": "region", "rename": "area"}, {"field": "missing", "rename": "x"}]}},
          {"id": "Console", "name": "print", "type": "output", "properties": {"row": 2}}],
         "edges": [{"startId": "read-1", "endId": "sort", "properties": {"type": "copy"}}, {"startId": "sort", "endId": "rename"}, {"startId": "rename", "endId": "print"}]}
        """;

    [Fact]
    public async Task Import_SortRenameConsole_RowsInNiceFlowOrderUnderSanitisedIds()
    {
        var result = await ImportedFlows.RunAsync(_data, "sort.json", SortFlow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["4|ASIA|40", "3|EU|30", "2|EU|20", "1|US|10"], (await _data.RowsAsync(result, "rename")).Select(ImportedFlows.Row));
        Assert.Equal(["id", "area", "amount"], (await _data.RowsAsync(result, "print"))[0].Select(p => p.Key));
        Assert.Equal(4, (await _data.RowsAsync(result, "read_1")).Count);
        Assert.Contains(await _data.LogsAsync(result, "print"), l => l.StartsWith("2 ") && l.Contains("area"));
    }

    [Fact]
    public async Task Import_SameFlowNativeAndImported_GivesTheSameRows()
    {
        var imported = await ImportedFlows.RunAsync(_data, "sort.json", SortFlow);
        var native = await _data.RunAsync("""
            {"definitionId": "native", "root": {"id": "root", "type": "Flowchart", "activities": [
              {"id": "read_1", "type": "CsvInput", "path": "data/sales.csv"},
              {"id": "sort", "type": "Sort", "by": [{"column": "amount", "descending": true}]},
              {"id": "rename", "type": "Rename", "columns": {"region": "area"}}],
             "connections": [
              {"source": {"activity": "read_1", "port": "Done"}, "target": {"activity": "sort", "port": "In"}},
              {"source": {"activity": "sort", "port": "Done"}, "target": {"activity": "rename", "port": "In"}}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, native);
        Assert.Equal((await _data.RowsAsync(native, "rename")).Select(ImportedFlows.Row), (await _data.RowsAsync(imported, "rename")).Select(ImportedFlows.Row));
    }

    [Fact]
    public async Task Import_FlowParam_IsAnInputWithADefaultThatCallersOverride()
    {
        const string flow = """
            {"flow": {"param": {"file": "data/sales.csv"}},
             "nodes": [{"id": "CsvInput", "name": "read", "properties": {"filename": "${file}"}},
                       {"id": "Console", "name": "print", "properties": {"row": "${rows}"}}],
             "edges": [{"startId": "read", "endId": "print"}]}
            """;

        var byDefault = await ImportedFlows.RunAsync(_data, "param.json", flow, new JsonObject { ["rows"] = 1 });
        var overridden = await ImportedFlows.RunAsync(_data, "param.json", flow, new JsonObject { ["file"] = "data/people.csv", ["rows"] = "20" });

        ResultAssert.Status(WorkflowStatus.Finished, byDefault);
        Assert.Equal(4, (await _data.RowsAsync(byDefault, "read")).Count);
        Assert.Contains(await _data.LogsAsync(byDefault, "print"), l => l.StartsWith("1 rows"));
        ResultAssert.Status(WorkflowStatus.Finished, overridden);
        Assert.Equal(3, (await _data.RowsAsync(overridden, "read")).Count);
    }

    [Fact]
    public async Task Import_SqlWithTwoInputsAndRawPlaceholder_WaitsForBothAndPastesText()
    {
        const string flow = """
            {"flow": {"param": {"table": "s", "min": 15}},
             "nodes": [
              {"id": "CsvInput", "name": "sales-in", "properties": {"filename": "data/sales.csv"}},
              {"id": "CsvInput", "name": "people", "properties": {"filename": "data/people.csv"}},
              {"id": "SQL", "name": "joined", "properties": {"inputs": [{"step": "sales-in", "table": "s"}, {"step": "people", "table": "p"}],
                "sql": "select ${table}.id, (select count(*) from p) as people from ${table} where amount > ${min} order by id"}}],
             "edges": [{"startId": "sales-in", "endId": "joined"}, {"startId": "people", "endId": "joined"}]}
            """;

        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("sql.json", flow)));
        var result = await ImportedFlows.RunAsync(_data, "sql.json", flow);

        var query = loaded.Definition!.AllActivities().Single(a => a.Id == "joined").Inputs["query"]!.ToJsonString();
        Assert.Contains("JavaScript", query);
        Assert.Contains("raw text", loaded.Definition.Metadata!["importedFrom"]!["warnings"]!.ToJsonString());
        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2|3", "3|3", "4|3"], (await _data.RowsAsync(result, "joined")).Select(ImportedFlows.Row));
    }

    [Fact]
    public async Task Native_PlaceholderInSql_StaysAQuotedLiteral()
    {
        var result = await _data.RunAsync("""
            {"definitionId": "native", "inputs": [{"name": "r", "default": "EU' OR 1=1 --"}], "root": {"id": "root", "type": "Flowchart", "activities": [
              {"id": "read", "type": "CsvInput", "path": "data/sales.csv"},
              {"id": "pick", "type": "SQL", "query": "select id from read where region = ${r}"}],
             "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "pick", "port": "In"}}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Empty(await _data.RowsAsync(result, "pick"));
    }

    [Fact]
    public async Task Import_PluginsThatDifferFromElsaFlow_BehaveAsNiceFlow()
    {
        _data.WriteFile("data/tags.csv", "k,tags,t\na,x;y,1\na,z,2\nb,w,5\n");
        const string flow = """
            {"flow": {},
             "nodes": [
              {"id": "CsvInput", "name": "read", "properties": {"filename": "data/tags.csv"}},
              {"id": "Masking", "name": "mask", "properties": {"columns": [{"field": "k", "startIndex": 0, "length": 2, "sign": "*"}]}},
              {"id": "Duplicate", "name": "dedup", "properties": {"duplicate_fields": ["k"], "order_fields": "t", "order_type": "DESC"}},
              {"id": "SplitToRows", "name": "split", "properties": {"column": "tags", "split": ";"}},
              {"id": "Agg", "name": "agg", "properties": {"keys": ["k"], "aggs": [{"value": "new_tags", "agg": "count"}]}}],
             "edges": [{"startId": "read", "endId": "mask"}, {"startId": "read", "endId": "dedup"}, {"startId": "read", "endId": "split"}, {"startId": "split", "endId": "agg"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "plugins.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["a|x;y|1|**", "a|z|2|**", "b|w|5|**"], (await _data.RowsAsync(result, "mask")).Select(ImportedFlows.Row).Order());
        var dedup = await _data.RowsAsync(result, "dedup");
        Assert.Equal(["a|z|2|1", "b|w|5|1"], dedup.Select(ImportedFlows.Row).Order());
        Assert.Equal(["k", "tags", "t", "rn"], dedup[0].Select(p => p.Key));
        Assert.Equal(["a|x;y|1|x", "a|x;y|1|y", "a|z|2|z", "b|w|5|w"], (await _data.RowsAsync(result, "split")).Select(ImportedFlows.Row).Order());
        Assert.Equal(["a|3", "b|1"], (await _data.RowsAsync(result, "agg")).Select(ImportedFlows.Row).Order());
        Assert.Equal(["k", "count(new_tags)"], (await _data.RowsAsync(result, "agg"))[0].Select(p => p.Key));
    }

    [Fact]
    public async Task Import_MappingWithAStepAsDictionary_ReadsItOnTheLookupPort()
    {
        _data.WriteFile("data/regions.csv", "code,label\nEU,Europe\nUS,America\n");
        const string flow = """
            {"flow": {},
             "nodes": [
              {"id": "CsvInput", "name": "read", "properties": {"filename": "data/sales.csv"}},
              {"id": "CsvInput", "name": "dict", "properties": {"filename": "data/regions.csv"}},
              {"id": "Mapping", "name": "map", "properties": {"columns": [
                {"field": "region", "mapping_field": "region_name", "default": "?", "plugin_mapping": {"step_name": "dict", "key_field": "code", "value_field": "label"}},
                {"field": "id", "value_mapping": {"1": "one"}}]}}],
             "edges": [{"startId": "read", "endId": "map"}, {"startId": "dict", "endId": "map"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "mapping.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2|EU|20|Europe", "3|EU|30|Europe", "4|ASIA|40|?", "one|US|10|America"], (await _data.RowsAsync(result, "map")).Select(ImportedFlows.Row).Order());
    }

    [Fact]
    public async Task Import_FunctionWithBuiltInsFilterAndSamples_ComputeAsNiceFlow()
    {
        const string flow = """
            {"flow": {},
             "nodes": [
              {"id": "CsvInput", "name": "read", "properties": {"filename": "data/people.csv"}},
              {"id": "Function", "name": "fn", "properties": {"columns": [{"key": "name", "function": "upper(name)"}, {"key": "greet", "function": "print_hello(city)"}]}},
              {"id": "Filter", "name": "only", "properties": {"condition": "city <> 'Rome'"}},
              {"id": "Samples", "name": "few", "properties": {"sample_size": "2"}}],
             "edges": [{"startId": "read", "endId": "fn"}, {"startId": "fn", "endId": "only"}, {"startId": "fn", "endId": "few"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "function.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["Oslo|CID|hello:Oslo", "Paris|ANN|hello:Paris"], (await _data.RowsAsync(result, "only")).Select(ImportedFlows.Row).Order());
        Assert.Equal(2, (await _data.RowsAsync(result, "few")).Count);
    }

    [Fact]
    public async Task Import_ForOverRowsWithFinishStep_RunsTheBodyPerRowThenTheFinishStep()
    {
        const string flow = """
            {"flow": {"param": {"greeting": "hi"}},
             "nodes": [
              {"id": "CsvInput", "name": "read", "properties": {"filename": "data/people.csv"}},
              {"id": "For", "name": "each", "properties": {"finish_step": "done"}},
              {"id": "Printer", "name": "say", "properties": {"msg": "${greeting} ${row.name} of ${row.city}"}},
              {"id": "Printer", "name": "done", "properties": {"msg": "all done"}}],
             "edges": [{"startId": "read", "endId": "each"}, {"startId": "each", "endId": "say"}, {"startId": "say", "endId": "each"}, {"startId": "each", "endId": "done"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "for.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["hi ann of Paris", "hi bob of Rome", "hi cid of Oslo", "all done"],
            (await ImportedFlows.LinesAsync(_data, result)).Where(l => l.StartsWith("hi ") || l == "all done"));
    }

    [Fact]
    public async Task Import_WhileCycleWithVariableAndFalseStep_LoopsUntilTheConditionFails()
    {
        const string flow = """
            {"flow": {},
             "nodes": [
              {"id": "Starter", "name": "start", "properties": {"variables": [{"name": "n", "value": 0}]}},
              {"id": "While", "name": "check", "properties": {"decide": "${n} < 3 and not False", "false_step": "after"}},
              {"id": "Variable", "name": "inc", "properties": {"variable": "n", "script": "${n}+1"}},
              {"id": "Printer", "name": "show", "properties": {"msg": "n=${n}"}},
              {"id": "Printer", "name": "after", "properties": {"msg": "end ${n}"}}],
             "edges": [{"startId": "start", "endId": "check"}, {"startId": "check", "endId": "inc"}, {"startId": "inc", "endId": "show"},
                       {"startId": "show", "endId": "check"}, {"startId": "check", "endId": "after"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "while.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["n=1", "n=2", "n=3", "end 3"], (await ImportedFlows.LinesAsync(_data, result)).Where(l => l.StartsWith("n=") || l.StartsWith("end")));
    }

    [Fact]
    public async Task Import_IfWithFalseStep_TakesOneBranchAndWarnsAboutExtraSuccessors()
    {
        const string flow = """
            {"flow": {"param": {"go": 1}},
             "nodes": [
              {"id": "IF", "name": "gate", "properties": {"decide": "${go} == 1", "false_step": "no"}},
              {"id": "Printer", "name": "yes", "properties": {"msg": "took yes"}},
              {"id": "Printer", "name": "also", "properties": {"msg": "never"}},
              {"id": "Printer", "name": "no", "properties": {"msg": "took no"}}],
             "edges": [{"startId": "gate", "endId": "yes"}, {"startId": "gate", "endId": "also"}, {"startId": "gate", "endId": "no"}]}
            """;

        var yes = await ImportedFlows.RunAsync(_data, "if.json", flow);
        var no = await ImportedFlows.RunAsync(_data, "if.json", flow, new JsonObject { ["go"] = 2 });
        var loaded = _data.LoadFile(_data.PathOf("if.json"));

        Assert.Equal(["took yes"], (await ImportedFlows.LinesAsync(_data, yes)).Where(l => l.StartsWith("took") || l == "never"));
        Assert.Equal(["took no"], (await ImportedFlows.LinesAsync(_data, no)).Where(l => l.StartsWith("took") || l == "never"));
        Assert.Contains("never followed", loaded.Definition!.Metadata!["importedFrom"]!["warnings"]!.ToJsonString());
    }

    [Fact]
    public async Task Import_SubFlowByPath_RunsTheOtherNiceFlowFlow()
    {
        _data.WriteFile("child.json", """
            {"flow": {}, "nodes": [{"id": "Printer", "name": "hello", "properties": {"msg": "from the child"}}], "edges": []}
            """);
        const string flow = """
            {"flow": {}, "nodes": [{"id": "SubFlow", "name": "call", "properties": {"flow": "child.json"}},
                                   {"id": "Printer", "name": "after", "properties": {"msg": "back"}}],
             "edges": [{"startId": "call", "endId": "after"}]}
            """;

        var result = await ImportedFlows.RunAsync(_data, "parent.json", flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["back"], await _data.LogsAsync(result, "after"));
    }
}
