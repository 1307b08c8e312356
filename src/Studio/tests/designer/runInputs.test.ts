import { describe, expect, it } from "vitest";
import { parseInput } from "../../src/designer/runInputs";

describe("parseInput", () => {
  it("refuses text for a Number input, naming the input and the type", () => {
    expect(() => parseInput({ name: "minAmount", type: "Number" }, "abc")).toThrow("minAmount: expected a Number, but 'abc' was given");
  });

  it("refuses a fraction for an Integer input", () => {
    expect(() => parseInput({ name: "count", type: "Integer" }, "2.5")).toThrow("count: expected an Integer (a whole number), but '2.5' was given");
  });

  it("reads numbers, and an empty field as null so the default applies", () => {
    expect(parseInput({ name: "minAmount", type: "Number" }, " 42.5 ")).toBe(42.5);
    expect(parseInput({ name: "count", type: "Integer" }, "7")).toBe(7);
    expect(parseInput({ name: "minAmount", type: "Number" }, "")).toBeNull();
  });

  it("reads JSON for lists and objects, and says what it expected otherwise", () => {
    expect(parseInput({ name: "ids", type: "Array" }, "[1, 2]")).toEqual([1, 2]);
    expect(() => parseInput({ name: "ids", type: "Array" }, "1, 2")).toThrow("ids: expected a JSON list, but '1, 2' was given");
  });

  it("keeps text as written", () => {
    expect(parseInput({ name: "who", type: "String" }, " Ada ")).toBe(" Ada ");
  });
});
