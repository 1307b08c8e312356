import { describe, expect, it } from "vitest";
import { editorFor, type Editor } from "../../src/designer/properties/formModel";
import { allInputPaths, input } from "./fixtures";

/** What each real input is edited with; every input of the fixture must be listed exactly once. */
const expected: Record<string, string[]> = {
  text: [
    "Join.on.left", "Join.on.right", "Switch.cases.name", "HttpInput.url", "HttpInput.recordsPath", "HttpInput.pageParam",
    "HttpInput.offsetParam", "HttpInput.limitParam", "HttpInput.cursorPath", "HttpInput.cursorParam", "HttpRequest.url",
    "CsvInput.path", "CsvInput.delimiter", "CsvInput.encoding", "DuckDBInput.path", "DuckDBInput.table",
    "FakerInput.columns.name", "FakerInput.columns.faker", "FakerInput.randoms.key", "FakerInput.locale", "SwitchRows.mode",
    "DuckDBOutput.path", "DuckDBOutput.table", "MarkdownOutput.path", "MarkdownOutput.title", "Log.message",
    "SetVariable.variable", "AddField.fields.name", "Masking.columns.column", "Masking.columns.sign", "SQL.tables.step",
    "SQL.tables.table", "Sort.by.column", "Str.operations.column", "Str.operations.operation", "Str.operations.find",
    "Str.operations.replacement", "Str.operations.pattern", "Str.operations.fill", "Str.operations.side",
    "Str.operations.separator", "Str.operations.target", "Event.name",
  ],
  "number:integer": [
    "HttpInput.startPage", "HttpInput.pageSize", "HttpInput.maxPages", "FakerInput.rows", "FakerInput.seed", "For.from", "For.to",
    "For.step", "For.maxIterations", "While.maxIterations", "AddField.fields.start", "AddField.fields.step",
    "Masking.columns.startIndex", "Masking.columns.length", "Samples.n", "Samples.seed", "Str.operations.group",
    "Str.operations.startIndex", "Str.operations.length",
  ],
  "number:decimal": ["Samples.fraction"],
  boolean: [
    "HttpRequest.failOnError", "CsvInput.header", "CsvInput.strict", "CsvInput.rejects", "AddField.fields.sequence",
    "Sort.by.descending", "Str.operations.regex",
  ],
  enum: [
    "Join.mode", "Join.joinType", "Switch.mode", "HttpInput.method", "HttpInput.pagination", "HttpRequest.method",
    "DuckDBOutput.mode", "Log.level", "Masking.columns.mode",
  ],
  objectList: [
    "Join.on", "Switch.cases", "FakerInput.columns", "FakerInput.randoms", "AddField.fields", "Masking.columns", "SQL.tables",
    "Sort.by", "Str.operations",
  ],
  "scalarList:text": ["Fork.branches", "DuckDBOutput.keys", "Rename.select", "Rename.drop", "Rename.order", "Str.operations.columns"],
  "scalarList:json": ["FakerInput.randoms.values", "SwitchRows.cases"],
  keyValue: ["CsvInput.types", "Rename.columns"],
  "keyValue:sensitive": ["HttpInput.headers", "HttpRequest.headers"],
  "code:javascript": ["If.condition", "While.condition", "Switch.cases.condition"],
  "code:sql": ["AddField.fields.expression", "Filter.condition", "SQL.query"],
  "code:plain": ["DuckDBInput.query"],
  json: ["HttpInput.body", "HttpRequest.body", "SetVariable.value", "AddField.fields.value"],
  duration: ["Delay.duration"],
  datetime: ["Delay.until"],
};

function summary(editor: Editor): string {
  switch (editor.kind) {
    case "number":
      return editor.integer ? "number:integer" : "number:decimal";
    case "code":
      return `code:${editor.language}`;
    case "scalarList":
      return `scalarList:${editor.item.kind}`;
    case "keyValue":
      return editor.sensitive ? "keyValue:sensitive" : "keyValue";
    default:
      return editor.kind;
  }
}

describe("editorFor on the real descriptors", () => {
  it("lists every input of the fixture exactly once", () => {
    const listed = Object.values(expected).flat();
    expect([...listed].sort()).toEqual(allInputPaths().sort());
  });

  for (const [kind, paths] of Object.entries(expected))
    it(`chooses ${kind} for ${paths.length} input(s)`, () => {
      expect(paths.map((p) => [p, summary(editorFor(input(p)))])).toEqual(paths.map((p) => [p, kind]));
    });

  it("gives object lists the item fields as sub-form fields, and enums their options", () => {
    const by = editorFor(input("Sort.by"));
    expect(by.kind === "objectList" && by.fields.map((f) => f.name)).toEqual(["column", "descending"]);
    const mode = editorFor(input("Join.mode"));
    expect(mode.kind === "enum" && mode.options).toEqual(["WaitAll", "WaitAny"]);
  });
});

describe("editorFor on shapes the server may add", () => {
  const base = { name: "x", displayName: "X", description: "", default: null, required: false, sensitive: false,
    defaultSyntax: "Literal", uiHint: null, options: null, itemType: null, fields: null, order: 0 };

  it.each([
    [{ type: "String", sensitive: true }, "password"],
    [{ type: "Int32" }, "number:integer"],
    [{ type: "Int64" }, "number:integer"],
    [{ type: "Double" }, "number:decimal"],
    [{ type: "Decimal" }, "number:decimal"],
    [{ type: "String", uiHint: "checkbox" }, "boolean"],
    [{ type: "String", uiHint: "code:liquid" }, "code:liquid"],
    [{ type: "String", defaultSyntax: "Liquid" }, "code:liquid"],
    [{ type: "Sql" }, "code:sql"],
    [{ type: "Dictionary" }, "keyValue"],
    [{ type: "Object" }, "keyValue"],
    [{ type: "List", itemType: "Integer" }, "scalarList:number"],
    [{ type: "List", itemType: "Enum", options: null }, "scalarList:text"],
    [{ type: "Something" }, "text"],
  ])("%o -> %s", (shape, kind) => {
    expect(summary(editorFor({ ...base, ...shape }))).toBe(kind);
  });

  it("gives an object with fields a sub-form", () => {
    const field = { ...base, name: "host", type: "String" };
    expect(editorFor({ ...base, type: "Object", fields: [field] })).toEqual({ kind: "object", fields: [field] });
  });
});
