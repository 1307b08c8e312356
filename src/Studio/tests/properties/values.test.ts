import { describe, expect, it } from "vitest";
import type { FlowActivity } from "../../src/api/types";
import {
  choiceOf, expressionOf, fits, editorFor, literalFromText, readValue, switchSyntax, syntaxChoices, writeValue,
} from "../../src/designer/properties/formModel";
import { input } from "./fixtures";

const csv: FlowActivity = { id: "read", type: "CsvInput" };

describe("readValue", () => {
  it("reads a literal as the plain value, in the input's default syntax", () => {
    expect(readValue({ ...csv, path: "a.csv" }, input("CsvInput.path"))).toEqual({ mode: "literal", syntax: "Literal", value: "a.csv" });
    expect(readValue({ id: "s", type: "Sort", by: [{ column: "a" }] }, input("Sort.by"))).toEqual({
      mode: "literal", syntax: "Literal", value: [{ column: "a" }],
    });
  });

  it("reads an absent input as an undefined literal", () => {
    expect(readValue(csv, input("CsvInput.delimiter"))).toEqual({ mode: "literal", syntax: "Literal", value: undefined });
  });

  it.each(["JavaScript", "Liquid", "Sql", "Variable"])("reads a %s expression", (type) => {
    const activity = { ...csv, path: { expression: { type, value: "inputs.path" } } };
    expect(readValue(activity, input("CsvInput.path"))).toEqual({ mode: "expression", syntax: type, value: "inputs.path" });
  });

  it("reads the short form of code inputs: a plain string is JavaScript for If, SQL for Filter", () => {
    expect(readValue({ id: "c", type: "If", condition: "inputs.amount > 100" }, input("If.condition"))).toEqual({
      mode: "literal", syntax: "JavaScript", value: "inputs.amount > 100",
    });
    expect(readValue({ id: "f", type: "Filter", condition: "amount > 10" }, input("Filter.condition"))).toEqual({
      mode: "literal", syntax: "Sql", value: "amount > 10",
    });
  });

  it("leaves shapes the engine would not read as an expression as literals, untouched", () => {
    const shapes = [
      { expression: { type: "JavaScript", value: "1" }, extra: true },
      { expression: { type: "JavaScript", value: 42 } },
      { expression: { type: "Python", value: "1" } },
      { expression: { value: "no type" } },
      { expression: "JavaScript" },
    ];
    for (const shape of shapes) {
      expect(expressionOf(shape)).toBeNull();
      expect(readValue({ ...csv, path: shape }, input("CsvInput.path"))).toEqual({ mode: "literal", syntax: "Literal", value: shape });
      // The text editor cannot show them, so the panel edits them as JSON and they survive unchanged.
      expect(fits(editorFor(input("CsvInput.path")), shape)).toBe(false);
    }
  });
});

describe("writeValue", () => {
  it("writes a literal as the plain value", () => {
    expect(writeValue(csv, input("CsvInput.path"), { mode: "literal", syntax: "Literal", value: "a.csv" })).toEqual({ ...csv, path: "a.csv" });
    expect(writeValue(csv, input("CsvInput.header"), { mode: "literal", syntax: "Literal", value: false })).toEqual({ ...csv, header: false });
  });

  it("writes an expression as {expression: {type, value}}", () => {
    const written = writeValue(csv, input("CsvInput.path"), { mode: "expression", syntax: "JavaScript", value: "inputs.path" });
    expect(written).toEqual({ ...csv, path: { expression: { type: "JavaScript", value: "inputs.path" } } });
    expect(readValue(written, input("CsvInput.path"))).toEqual({ mode: "expression", syntax: "JavaScript", value: "inputs.path" });
  });

  it("keeps an empty expression, so the chosen syntax is remembered", () => {
    expect(writeValue(csv, input("CsvInput.path"), { mode: "expression", syntax: "Liquid", value: "" }).path).toEqual({
      expression: { type: "Liquid", value: "" },
    });
  });

  it("does not change the activity it was given", () => {
    const activity = { ...csv, path: "a.csv" };
    writeValue(activity, input("CsvInput.path"), { mode: "literal", syntax: "Literal", value: "b.csv" });
    expect(activity.path).toBe("a.csv");
  });

  describe("omits defaults and empty values", () => {
    const cases: [string, unknown][] = [
      ["CsvInput.delimiter", ","], // equal to the default
      ["CsvInput.delimiter", ""], // cleared text: the default applies
      ["CsvInput.header", true], // default true
      ["CsvInput.strict", false], // default false
      ["CsvInput.types", {}], // default {}
      ["CsvInput.path", ""], // required and empty: the server reports it missing
      ["CsvInput.path", undefined],
      ["Sort.by", []],
      ["Join.mode", "WaitAll"], // default "waitAll": options are matched without case
      ["For.maxIterations", 10000],
      ["Samples.n", undefined],
    ];
    it.each(cases)("%s = %j removes the key", (path, value) => {
      const name = path.split(".")[1];
      const activity = { id: "a", type: path.split(".")[0], [name]: "something" };
      expect(name in writeValue(activity, input(path), { mode: "literal", syntax: "Literal", value })).toBe(false);
    });

    it("keeps values that differ from the default", () => {
      const methods = input("Join.mode");
      expect(writeValue({ id: "j", type: "Join" }, methods, { mode: "literal", syntax: "Literal", value: "WaitAny" })).toEqual({
        id: "j", type: "Join", mode: "WaitAny",
      });
      expect(writeValue(csv, input("CsvInput.delimiter"), { mode: "literal", syntax: "Literal", value: ";" }).delimiter).toBe(";");
      expect(writeValue(csv, input("CsvInput.header"), { mode: "literal", syntax: "Literal", value: false }).header).toBe(false);
    });

    it("keeps false where any value is allowed", () => {
      expect(writeValue({ id: "v", type: "SetVariable" }, input("SetVariable.value"), { mode: "literal", syntax: "Literal", value: false })).toEqual({
        id: "v", type: "SetVariable", value: false,
      });
    });

    it("omits false for a checkbox without default, in a list item", () => {
      expect(writeValue({ column: "a", descending: true }, input("Sort.by.descending"), { mode: "literal", syntax: "Literal", value: false })).toEqual({
        column: "a",
      });
    });
  });
});

describe("switching between literal and expression", () => {
  const path = input("CsvInput.path");

  it("offers Literal, JS, Liquid and Variable on literal inputs, the default syntax first on code inputs", () => {
    expect(syntaxChoices(path)).toEqual(["Literal", "JavaScript", "Liquid", "Variable"]);
    expect(syntaxChoices(input("Filter.condition"))).toEqual(["Sql", "JavaScript"]);
    expect(syntaxChoices(input("If.condition"))).toEqual(["JavaScript", "Liquid"]);
    // A syntax the flow already uses stays in the list (a Sql case of a Switch routing rows).
    expect(syntaxChoices(input("Switch.cases.condition"), { mode: "expression", syntax: "Sql", value: "amount > 1" })).toEqual([
      "JavaScript", "Liquid", "Sql",
    ]);
  });

  it("wraps the literal text when switching to an expression", () => {
    const literal = readValue({ ...csv, path: "data/a.csv" }, path);
    const js = switchSyntax(path, literal, "JavaScript");
    expect(js).toEqual({ mode: "expression", syntax: "JavaScript", value: "data/a.csv" });
    expect(choiceOf(path, js)).toBe("JavaScript");
    expect(writeValue(csv, path, js).path).toEqual({ expression: { type: "JavaScript", value: "data/a.csv" } });
  });

  it("writes non-text literals as JSON text in the expression", () => {
    const rows = input("FakerInput.rows");
    expect(switchSyntax(rows, { mode: "literal", syntax: "Literal", value: 25 }, "JavaScript").value).toBe("25");
    expect(switchSyntax(input("Sort.by"), { mode: "literal", syntax: "Literal", value: [{ column: "a" }] }, "JavaScript").value).toBe('[{"column":"a"}]');
    expect(switchSyntax(rows, { mode: "literal", syntax: "Literal", value: undefined }, "Liquid").value).toBe("");
  });

  it("changes only the type between expression syntaxes", () => {
    expect(switchSyntax(path, { mode: "expression", syntax: "JavaScript", value: "x" }, "Liquid")).toEqual({
      mode: "expression", syntax: "Liquid", value: "x",
    });
  });

  it("unwraps back to a literal when the text fits the input's type", () => {
    expect(switchSyntax(path, { mode: "expression", syntax: "JavaScript", value: "a.csv" }, "Literal")).toEqual({
      mode: "literal", syntax: "Literal", value: "a.csv",
    });
    const rows = input("FakerInput.rows");
    expect(switchSyntax(rows, { mode: "expression", syntax: "JavaScript", value: "42" }, "Literal").value).toBe(42);
    expect(switchSyntax(rows, { mode: "expression", syntax: "JavaScript", value: "inputs.n * 2" }, "Literal").value).toBeUndefined();
    const header = input("CsvInput.header");
    expect(switchSyntax(header, { mode: "expression", syntax: "JavaScript", value: "false" }, "Literal").value).toBe(false);
    const by = input("Sort.by");
    expect(switchSyntax(by, { mode: "expression", syntax: "JavaScript", value: '[{"column":"a"}]' }, "Literal").value).toEqual([{ column: "a" }]);
    expect(switchSyntax(input("Join.mode"), { mode: "expression", syntax: "Liquid", value: "waitany" }, "Literal").value).toBe("WaitAny");
  });

  it("removes the key when the expression does not fit the literal type", () => {
    const rows = input("FakerInput.rows");
    const back = switchSyntax(rows, { mode: "expression", syntax: "JavaScript", value: "inputs.n" }, "Literal");
    expect("rows" in writeValue({ id: "f", type: "FakerInput", rows: { expression: { type: "JavaScript", value: "inputs.n" } } }, rows, back)).toBe(false);
  });

  it("unwraps a code input back to its short form", () => {
    const condition = input("Filter.condition");
    const js = { mode: "expression" as const, syntax: "JavaScript", value: "'amount > ' + inputs.min" };
    const sqlAgain = switchSyntax(condition, js, "Sql");
    expect(sqlAgain).toEqual({ mode: "literal", syntax: "Sql", value: "'amount > ' + inputs.min" });
    expect(writeValue<FlowActivity>({ id: "f", type: "Filter" }, condition, sqlAgain).condition).toBe("'amount > ' + inputs.min");
  });

  it("reads back what it writes, for every syntax", () => {
    for (const syntax of ["JavaScript", "Liquid", "Variable"]) {
      const written = writeValue(csv, path, { mode: "expression", syntax, value: "v" });
      expect(readValue(written, path)).toEqual({ mode: "expression", syntax, value: "v" });
    }
  });
});

describe("literalFromText", () => {
  it("parses by the input's type", () => {
    expect(literalFromText(input("Samples.fraction"), "0.25")).toBe(0.25);
    expect(literalFromText(input("FakerInput.rows"), "2.5")).toBeUndefined();
    expect(literalFromText(input("CsvInput.types"), '{"a":"VARCHAR"}')).toEqual({ a: "VARCHAR" });
    expect(literalFromText(input("SetVariable.value"), "10")).toBe(10);
    expect(literalFromText(input("SetVariable.value"), "hello")).toBe("hello");
  });
});
