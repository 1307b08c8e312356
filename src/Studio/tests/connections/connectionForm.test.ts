import { describe, expect, it } from "vitest";
import { connectionChange, connectionNameProblem, fieldsOf, kindProblem, newConnection, parseOptions } from "../../src/connections/connectionForm";

describe("connectionForm", () => {
  it("refuses the names the server refuses", () => {
    expect(connectionNameProblem("warehouse")).toBeNull();
    expect(connectionNameProblem("dw.eu-1_a")).toBeNull();
    for (const bad of ["", "a/b", "..", "a..b", ".hidden", "white space", "x".repeat(101)]) expect(connectionNameProblem(bad)).not.toBeNull();
  });

  it("wants lower-case kinds", () => {
    expect(kindProblem("postgres")).toBeNull();
    expect(kindProblem("Postgres")).not.toBeNull();
    expect(kindProblem("")).not.toBeNull();
  });

  it("reads options as key=value lines and says which line is wrong", () => {
    expect(parseOptions("schema = public\n\nbatchSize=5000")).toEqual({ schema: "public", batchSize: "5000" });
    expect(parseOptions("ok=1\nbroken")).toBe("Line 2 is not key=value.");
  });

  it("never fills the secret from the server and sends it only when one was typed", () => {
    const fields = fieldsOf({ name: "dw", kind: "mysql", redacted: "server=db;password=***", options: { a: "1" }, createdAt: null, updatedAt: null });
    expect(fields.connectionString).toBe("");
    expect(fields.options).toBe("a=1");
    expect(connectionChange(fields, { a: "1" })).toEqual({ kind: "mysql", options: { a: "1" } });
    expect(connectionChange({ ...fields, connectionString: "Server=new" }, {}).connectionString).toBe("Server=new");
    expect(newConnection({ name: " dw ", kind: "mysql", connectionString: "x=1", options: "" }, {})).toEqual({
      name: "dw", kind: "mysql", connectionString: "x=1", options: {},
    });
  });
});
