import { describe, expect, it } from "vitest";
import { copyOf, definitionIdProblem, emptyFlow, formatOfFile, isPublished, nextCopyId, versionLabel } from "../../src/flows/flowModel";

describe("versionLabel", () => {
  it("names a never published flow a draft", () => {
    expect(versionLabel({ latestVersion: 1, publishedVersion: null })).toBe("draft v1");
    expect(isPublished({ latestVersion: 1, publishedVersion: null })).toBe(false);
  });

  it("names a flow whose latest version is published", () => {
    expect(versionLabel({ latestVersion: 2, publishedVersion: 2 })).toBe("published v2");
    expect(isPublished({ latestVersion: 2, publishedVersion: 2 })).toBe(true);
  });

  it("names a newer draft over a published version", () => {
    expect(versionLabel({ latestVersion: 3, publishedVersion: 2 })).toBe("draft v3 (published v2)");
    expect(isPublished({ latestVersion: 3, publishedVersion: 2 })).toBe(false);
  });
});

describe("nextCopyId", () => {
  it("appends -copy when free", () => {
    expect(nextCopyId("orders", ["orders"])).toBe("orders-copy");
  });

  it("numbers the copy when -copy is taken", () => {
    expect(nextCopyId("orders", ["orders", "orders-copy", "orders-copy-2"])).toBe("orders-copy-3");
  });
});

describe("formatOfFile", () => {
  it("chooses the format by extension, whatever the case", () => {
    expect(formatOfFile("flow.json")).toBe("json");
    expect(formatOfFile("flow.YAML")).toBe("yaml");
    expect(formatOfFile("flow.yml")).toBe("yaml");
    expect(formatOfFile("my.flow.xml")).toBe("xml");
  });

  it("refuses anything else", () => {
    expect(formatOfFile("flow.txt")).toBeNull();
    expect(formatOfFile("flow")).toBeNull();
  });
});

describe("definitionIdProblem", () => {
  it("accepts URL-safe ids", () => {
    expect(definitionIdProblem("sales-report_2.v1")).toBeNull();
  });

  it("explains what is wrong with an empty or unsafe id", () => {
    expect(definitionIdProblem("")).toMatch(/Give the flow an id/);
    expect(definitionIdProblem("sales report")).toMatch(/letters, digits/);
    expect(definitionIdProblem("a/b")).toMatch(/letters, digits/);
    expect(definitionIdProblem("-lead")).toMatch(/starting with/);
  });
});

describe("emptyFlow and copyOf", () => {
  it("makes a new flow an empty Flowchart named after its id when no name is given", () => {
    expect(emptyFlow("orders", "  ")).toEqual({
      definitionId: "orders",
      name: "orders",
      root: { id: "root", type: "Flowchart", activities: [], connections: [] },
    });
  });

  it("copies every field under the new id, without the version and without touching the original", () => {
    const original = {
      definitionId: "orders",
      name: "Orders",
      version: 4,
      inputs: [{ name: "path", type: "String" }],
      root: { id: "root", type: "Flowchart", activities: [{ id: "read", type: "CsvInput", path: "a.csv" }], connections: [] },
    };
    const copy = copyOf(original, "orders-copy");
    expect(copy).toEqual({
      definitionId: "orders-copy",
      name: "Orders (copy)",
      inputs: [{ name: "path", type: "String" }],
      root: original.root,
    });
    expect(original.version).toBe(4);
    expect(original.definitionId).toBe("orders");
  });
});
