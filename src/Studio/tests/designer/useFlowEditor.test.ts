import type { ActivityRuns } from "../../src/instances/activityStatus";
import { describe, expect, it } from "vitest";
import { act, renderHook } from "@testing-library/react";
import type { ActivityDescriptor, FlowDocument } from "../../src/api/types";
import { useDisplayNodes } from "../../src/designer/useDisplayNodes";
import { useFlowEditor } from "../../src/designer/useFlowEditor";

const descriptor = (type: string, outcomes = ["Done"]): ActivityDescriptor => ({
  type, category: "Transforms", displayName: type, description: "", kind: "Code", inputs: [], outputs: [], outcomes, inputPorts: ["In"],
  dynamicOutcomes: false, join: "None", isContainer: false,
});
const descriptors = new Map([["CsvInput", descriptor("CsvInput", ["Done", "Rejected"])], ["Sort", descriptor("Sort")]]);
const empty: FlowDocument = { definitionId: "f", name: "F", root: { id: "root", type: "Flowchart", activities: [], connections: [] } };

describe("the designer's editing state", () => {
  it("adds on the grid, connects, undoes and redoes, and writes the document with positions", () => {
    const { result } = renderHook(() => useFlowEditor(empty, descriptors, false));
    act(() => result.current.actions.addActivity("CsvInput", { x: 10, y: 21 }));
    act(() => result.current.actions.addActivity("Sort", { x: 300, y: 20 }));
    act(() => result.current.actions.onConnect({ source: "csvInput1", sourceHandle: "Done", target: "sort1", targetHandle: "In" }));
    expect(result.current.nodes.map((n) => [n.id, n.position])).toEqual([["csvInput1", { x: 16, y: 16 }], ["sort1", { x: 304, y: 16 }]]);
    expect(result.current.revision).toBe(3);

    act(() => result.current.actions.undo());
    expect(result.current.edges).toHaveLength(0);
    act(() => result.current.actions.redo());
    expect(result.current.edges).toHaveLength(1);

    const document = result.current.actions.document();
    expect(document.root.activities).toEqual([
      { id: "csvInput1", type: "CsvInput", metadata: { designer: { position: { x: 16, y: 16 } } } },
      { id: "sort1", type: "Sort", metadata: { designer: { position: { x: 304, y: 16 } } } },
    ]);
    expect(document.root.connections).toEqual([{ source: { activity: "csvInput1", port: "Done" }, target: { activity: "sort1", port: "In" } }]);
  });

  it("renames an activity with its connections, and refuses an id that is taken", () => {
    const flow: FlowDocument = {
      root: {
        id: "root", type: "Flowchart", activities: [{ id: "a", type: "CsvInput" }, { id: "b", type: "Sort" }],
        connections: [{ source: { activity: "a", port: "Done" }, target: { activity: "b", port: "In" } }],
      },
    };
    const { result } = renderHook(() => useFlowEditor(flow, descriptors, false));
    act(() => result.current.actions.updateActivity("a", { id: "read", type: "CsvInput", path: "x.csv" }));
    act(() => result.current.actions.updateActivity("b", { id: "read", type: "Sort" }));
    const document = result.current.actions.document();
    expect(document.root.activities?.map((a) => a.id)).toEqual(["read", "b"]);
    expect(document.root.activities?.[0].path).toBe("x.csv");
    expect(document.root.connections).toEqual([{ source: { activity: "read", port: "Done" }, target: { activity: "b", port: "In" } }]);
    expect(result.current.edges[0].id).toBe("read:Done->b:In");
  });

  it("changes nothing when read-only", () => {
    const { result } = renderHook(() => useFlowEditor(empty, descriptors, true));
    act(() => result.current.actions.addActivity("Sort", { x: 0, y: 0 }));
    expect(result.current.nodes).toHaveLength(0);
    expect(result.current.revision).toBe(0);
  });
});

describe("the nodes the canvas shows", () => {
  it("carry problems and run status, and keep their object when nothing about them changed", () => {
    const flow: FlowDocument = {
      root: { id: "root", type: "Flowchart", activities: [{ id: "a", type: "CsvInput" }, { id: "b", type: "Sort" }], connections: [] },
    };
    const { result: editor } = renderHook(() => useFlowEditor(flow, descriptors, false));
    const { nodes, edges } = editor.current;
    let problems = [{ activityId: "b", field: "by", message: "missing" }];
    let runs: ActivityRuns = { status: { a: "done" }, rows: { a: 3 } };
    const { result, rerender } = renderHook(() => useDisplayNodes(nodes, edges, problems, runs));
    const [a, b] = result.current;
    expect(a.data).toMatchObject({ status: "done", rows: 3, outcomes: ["Done", "Rejected"] });
    expect(b.data.errors).toEqual(["by: missing"]);

    problems = [];
    runs = { ...runs };
    rerender();
    expect(result.current[0]).toBe(a);
    expect(result.current[1]).not.toBe(b);
    expect(result.current[1].data.errors).toBeUndefined();
  });
});
