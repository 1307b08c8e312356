import { describe, expect, it } from "vitest";
import { cellText, isNumericType } from "../../src/data/cellText";

describe("data table cells", () => {
  it("shows nulls apart from the text 'null'", () => {
    expect(cellText(null)).toEqual({ text: "null", full: "null", isNull: true });
    expect(cellText("null").isNull).toBe(false);
  });

  it("cuts long values and keeps the whole value for the tooltip", () => {
    const long = "x".repeat(200);
    const cell = cellText(long, 10);
    expect(cell.text).toBe("xxxxxxxxx…");
    expect(cell.full).toBe(long);
  });

  it("writes nested values as JSON", () => {
    expect(cellText({ a: [1, 2] }).text).toBe('{"a":[1,2]}');
    expect(cellText(false).text).toBe("false");
  });

  it("knows numeric DuckDB types", () => {
    expect(isNumericType("BIGINT")).toBe(true);
    expect(isNumericType("DECIMAL(18,3)")).toBe(true);
    expect(isNumericType("VARCHAR")).toBe(false);
  });
});
