import { describe, expect, it } from "vitest";
import type { Edge } from "@xyflow/react";
import type { FlowDocument } from "../../src/api/types";
import type { ActivityNode } from "../../src/graph/flowGraph";
import { camelCaseOf, newActivityId } from "../../src/designer/activityIds";
import { copySelection, pasteClipboard } from "../../src/designer/clipboard";
import { describeDiff, diffFlows } from "../../src/designer/flowDiff";
import { emptyHistory, record, redo, undo } from "../../src/designer/history";

const node = (id: string, type: string, x = 0, selected = false): ActivityNode => ({
  id, type: "activity", position: { x, y: 0 }, selected, data: { activity: { id, type, path: `${id}.csv` } },
});
const edge = (source: string, target: string, port = "Done"): Edge => ({ id: `${source}:${port}->${target}:In`, source, target, sourceHandle: port, targetHandle: "In" });

describe("activity ids", () => {
  it("are the camelCase type plus the first free number", () => {
    expect(camelCaseOf("CsvInput")).toBe("csvInput");
    expect(camelCaseOf("SQL")).toBe("sql");
    expect(camelCaseOf("HTTPRequest")).toBe("httpRequest");
    expect(camelCaseOf("DuckDBInput")).toBe("duckDBInput");
    expect(newActivityId("CsvInput", new Set(["csvInput1", "csvInput3"]))).toBe("csvInput2");
  });
});

describe("copy and paste", () => {
  it("gives new unique ids, moves the copies and keeps only the connections inside the selection", () => {
    const nodes = [node("csvInput1", "CsvInput", 0, true), node("sort1", "Sort", 200, true), node("markdownOutput1", "MarkdownOutput", 400)];
    const edges = [edge("csvInput1", "sort1"), edge("sort1", "markdownOutput1")];
    const copied = copySelection(nodes, edges)!;
    expect(copied.nodes.map((n) => n.id)).toEqual(["csvInput1", "sort1"]);
    expect(copied.edges).toHaveLength(1);

    const pasted = pasteClipboard(copied, nodes);
    expect(pasted.nodes.map((n) => n.id)).toEqual(["csvInput2", "sort2"]);
    expect(pasted.nodes.map((n) => n.data.activity.id)).toEqual(["csvInput2", "sort2"]);
    expect(pasted.nodes[1].position).toEqual({ x: 232, y: 32 });
    expect(pasted.nodes[0].data.activity.path).toBe("csvInput1.csv");
    expect(pasted.edges).toEqual([
      expect.objectContaining({ id: "csvInput2:Done->sort2:In", source: "csvInput2", target: "sort2", sourceHandle: "Done", targetHandle: "In" }),
    ]);
    // The copy is deep: editing it leaves the original alone.
    pasted.nodes[0].data.activity.path = "changed";
    expect(nodes[0].data.activity.path).toBe("csvInput1.csv");
  });

  it("copies nothing without a selection", () => {
    expect(copySelection([node("a", "Sort")], [])).toBeNull();
  });
});

describe("version diff", () => {
  const flow = (activities: Record<string, unknown>[], connections: [string, string][]): FlowDocument => ({
    root: {
      id: "root", type: "Flowchart",
      activities: activities as FlowDocument["root"]["activities"],
      connections: connections.map(([s, t]) => ({ source: { activity: s, port: "Done" }, target: { activity: t, port: "In" } })),
    },
  });

  it("counts added, removed and changed activities and connections, ignoring positions and key order", () => {
    const old = flow(
      [{ id: "a", type: "CsvInput", path: "x", metadata: { designer: { position: { x: 0, y: 0 } } } }, { id: "b", type: "Sort", by: [] }, { id: "c", type: "Log" }],
      [["a", "b"], ["b", "c"]],
    );
    const now = flow(
      [{ path: "x", type: "CsvInput", id: "a", metadata: { designer: { position: { x: 99, y: 5 } } } }, { id: "b", type: "Sort", by: [{ column: "n" }] }, { id: "d", type: "Log" }],
      [["a", "b"], ["b", "d"]],
    );
    const diff = diffFlows(old, now);
    expect(diff).toEqual({ added: ["d"], removed: ["c"], changed: ["b"], connectionsAdded: 1, connectionsRemoved: 1 });
    expect(describeDiff(diff)).toBe("1 added, 1 removed, 1 changed, 1 connection added, 1 connection removed");
    expect(describeDiff(diffFlows(now, now))).toBe("no changes");
  });
});

describe("undo history", () => {
  it("steps back and forth, and a new change drops the redo steps", () => {
    let history = record(emptyHistory<number>(), 1);
    history = record(history, 2);
    const back = undo(history, 3)!;
    expect(back.snapshot).toBe(2);
    const forth = redo(back.history, 2)!;
    expect(forth.snapshot).toBe(3);
    expect(record(back.history, 2).future).toEqual([]);
    expect(undo(emptyHistory<number>(), 1)).toBeNull();
  });
});
