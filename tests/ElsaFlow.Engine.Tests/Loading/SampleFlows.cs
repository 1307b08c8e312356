namespace ElsaFlow.Engine.Tests.Loading;

/// <summary>The same flows written in each format, for loading and round-trip tests.</summary>
public static class SampleFlows
{
    /// <summary>A flow that uses every feature of the document: nested containers, expressions, behaviours, lists of objects, maps.</summary>
    public const string RichJson = """
        {
          "definitionId": "sales-report", "name": "Sales report", "description": "Top sales, by region", "version": 3,
          "inputs": [
            {"name": "inputPath", "type": "String", "default": "workflows/data/sales.csv", "description": "Where the sales are", "required": true},
            {"name": "limit", "type": "Integer", "default": 10},
            {"name": "strict", "type": "Boolean", "default": false}
          ],
          "variables": [{"name": "total", "type": "Number", "value": 0}, {"name": "seen", "type": "Object", "value": {"a": [1, "two", true, null]}}],
          "metadata": {"owner": "data team", "tags": ["sales", "weekly"]},
          "root": {
            "id": "root", "type": "Flowchart", "start": "read",
            "activities": [
              {"id": "read", "type": "CsvInput", "name": "Read sales", "description": "Reads the CSV",
               "path": {"expression": {"type": "JavaScript", "value": "inputs.inputPath"}},
               "skipRows": 1, "ratio": 0.75, "hasHeader": true, "wait": "00:00:05", "mode": "Lenient",
               "headers": {"Content-Type": "text/csv", "x": "1"},
               "password": "s3cret",
               "by": [{"column": "amount", "descending": true}, {"column": "region", "descending": false}],
               "retry": {"attempts": 3, "delay": "00:00:02", "backoff": "exponential", "maxDelay": "00:01:00"},
               "delay": "1.00:00:00", "timeout": "00:10:00", "onError": "port", "worker": "big-memory",
               "metadata": {"designer": {"position": {"x": 0, "y": 12.5}}}},
              {"id": "route", "type": "Switch",
               "cases": [
                 {"label": "big", "condition": {"expression": {"type": "JavaScript", "value": "incoming.amount > 1000 && incoming.region != \"<none>\""}}},
                 {"label": "small", "condition": {"expression": {"type": "Liquid", "value": "{{ incoming.amount }}"}}}
               ]},
              {"id": "check", "type": "If", "condition": "variables.total > 0"},
              {"id": "inner", "type": "Sequence",
               "activities": [
                 {"id": "note", "type": "CsvInput", "path": "out/report.md", "message": "true", "skipRows": 12},
                 {"id": "multi", "type": "If", "condition": "const limit = 10;\n  variables.total > limit   \n", "description": "  padded  "},
                 {"id": "nested", "type": "Flowchart",
                  "activities": [{"id": "pause", "type": "Wait", "duration": "00:00:01"}]}
               ]},
              {"id": "both", "type": "Join"}
            ],
            "connections": [
              {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "route", "port": "In"}},
              {"source": {"activity": "read", "port": "Error"}, "target": {"activity": "inner", "port": "In"}},
              {"source": {"activity": "route", "port": "big"}, "target": {"activity": "check", "port": "In"}},
              {"source": {"activity": "check", "port": "True"}, "target": {"activity": "both", "port": "Left"}},
              {"source": {"activity": "route", "port": "small"}, "target": {"activity": "both", "port": "Right"}}
            ]
          }
        }
        """;

    /// <summary>The flow of ARCHITECTURE.md, written in each of the three formats.</summary>
    public const string ArchitectureJson = """
        {
          "definitionId": "sales-report", "name": "Sales report", "version": 1,
          "inputs":    [{"name": "inputPath", "type": "String", "default": "workflows/data/sales.csv"}],
          "variables": [{"name": "total", "type": "Number", "value": 0}],
          "root": {
            "type": "Flowchart", "id": "root",
            "activities": [
              {"id": "read", "type": "CsvInput",
               "path": {"expression": {"type": "JavaScript", "value": "inputs.inputPath"}},
               "skipRows": 2, "hasHeader": false,
               "retry": {"attempts": 3, "delay": "00:00:02", "backoff": "exponential", "maxDelay": "00:01:00"},
               "metadata": {"designer": {"position": {"x": 0, "y": 0}}}},
              {"id": "top", "type": "CsvInput", "path": "b.csv", "by": [{"column": "amount", "descending": true}]},
              {"id": "out", "type": "CsvInput", "path": "out/report.md"}
            ],
            "connections": [
              {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "top", "port": "In"}},
              {"source": {"activity": "top",  "port": "Done"}, "target": {"activity": "out", "port": "In"}}
            ]
          }
        }
        """;

    public const string ArchitectureYaml = """
        definitionId: sales-report
        name: Sales report
        version: 1
        inputs:
          - {name: inputPath, type: String, default: workflows/data/sales.csv}
        variables:
          - name: total
            type: Number
            value: 0
        root:
          type: Flowchart
          id: root
          activities:
            - id: read
              type: CsvInput
              path:
                expression: {type: JavaScript, value: inputs.inputPath}
              skipRows: 2
              hasHeader: false
              retry: {attempts: 3, delay: "00:00:02", backoff: exponential, maxDelay: "00:01:00"}
              metadata:
                designer:
                  position: {x: 0, y: 0}
            - id: top
              type: CsvInput
              path: b.csv
              by:
                - column: amount
                  descending: true
            - {id: out, type: CsvInput, path: out/report.md}
          connections:
            - source: {activity: read, port: Done}
              target: {activity: top, port: In}
            - source: {activity: top, port: Done}
              target: {activity: out, port: In}
        """;

    public const string ArchitectureXml = """
        <workflow definitionId="sales-report" name="Sales report" version="1">
          <inputs>
            <input name="inputPath" type="String" default="workflows/data/sales.csv"/>
          </inputs>
          <variables>
            <variable name="total" type="Number" value="0"/>
          </variables>
          <flowchart id="root">
            <activity id="read" type="CsvInput">
              <path expression="JavaScript">inputs.inputPath</path>
              <skipRows>2</skipRows>
              <hasHeader>false</hasHeader>
              <retry attempts="3" delay="00:00:02" backoff="exponential"><maxDelay>00:01:00</maxDelay></retry>
              <metadata><designer><position><x type="number">0</x><y type="number">0</y></position></designer></metadata>
            </activity>
            <activity id="top" type="CsvInput">
              <path>b.csv</path>
              <by>
                <item><column>amount</column><descending>true</descending></item>
              </by>
            </activity>
            <activity id="out" type="CsvInput"><path>out/report.md</path></activity>
            <connection from="read:Done" to="top:In"/>
            <connection from="top:Done" to="out:In"/>
          </flowchart>
        </workflow>
        """;
}
