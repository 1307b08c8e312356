import { describe, expect, it } from "vitest";
import { importNotes } from "../../src/flows/importNotes";

describe("importNotes", () => {
  it("reads the format and warnings the importer stamped", () => {
    const notes = importNotes({
      root: { id: "root", type: "Flowchart" },
      metadata: { importedFrom: { format: "NiceFlow", warnings: ["flow 'f', activity 'a': property 'x' is ignored", 3] } },
    });
    expect(notes).toEqual({ format: "NiceFlow", warnings: ["flow 'f', activity 'a': property 'x' is ignored"] });
  });

  it("is null for a native flow", () => {
    expect(importNotes({ root: { id: "root", type: "Flowchart" } })).toBeNull();
  });
});
