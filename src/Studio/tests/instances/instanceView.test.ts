import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ActivityDescriptor, FlowDocument } from "../../src/api/types";
import type { JournalEntry, LogEntry } from "../../src/api/instances";
import { nodeText, ranOnSeveralNodes } from "../../src/instances/nodeText";
import { inputRows } from "../../src/instances/activityInputs";
import { instanceGraph, withRuns } from "../../src/instances/instanceGraph";
import { parseJson } from "../../src/instances/jsonText";
import { matchingLines } from "../../src/instances/LogView";
import { mergeBySequence } from "../../src/instances/useInstance";
import { durationText } from "../../src/instances/time";

const sample = (name: string) => JSON.parse(readFileSync(resolve("../../workflows", name), "utf8")) as FlowDocument;
const descriptor = (type: string, more: Partial<ActivityDescriptor> = {}) =>
  ({ type, category: "Control", displayName: type, description: "", kind: "Control", inputs: [], outputs: [], outcomes: ["Done"],
    inputPorts: ["In"], dynamicOutcomes: false, join: "", isContainer: false, ...more }) as ActivityDescriptor;

describe("instance graph", () => {
  it("chains the activities of a Sequence root and lays them out, read-only", () => {
    const graph = instanceGraph(sample("pause-resume.json"), [descriptor("Pause"), descriptor("SetVariable"), descriptor("Finish", { outcomes: [] })]);
    expect(graph.nodes.map((n) => n.id)).toEqual(["approval", "record", "done"]);
    expect(graph.edges.map((e) => `${e.source}->${e.target}`)).toEqual(["approval->record", "record->done"]);
    expect(graph.nodes.every((n) => n.draggable === false && n.connectable === false)).toBe(true);
    expect(new Set(graph.nodes.map((n) => n.position.x)).size).toBe(3);
  });

  it("colours nodes by status and keeps unchanged nodes as they were", () => {
    const { nodes } = instanceGraph(sample("pause-resume.json"), []);
    const coloured = withRuns(nodes, { status: { approval: "waiting" }, rows: {} });
    expect(coloured[0].data.status).toBe("waiting");
    expect(coloured[1]).toBe(nodes[1]);
  });
});

describe("instance view helpers", () => {
  it("masks sensitive inputs and shows expressions with their syntax", () => {
    const rows = inputRows(
      { id: "db", type: "SqlQuery", connectionString: "Server=x;Password=secret", query: { expression: { type: "Sql", value: "select 1" } }, retry: { attempts: 2 } },
      descriptor("SqlQuery", { inputs: [{ name: "connectionString", sensitive: true } as ActivityDescriptor["inputs"][number]] }),
    );
    expect(rows).toEqual([
      { name: "connectionString", syntax: null, text: "***", sensitive: true },
      { name: "query", syntax: "Sql", text: "select 1", sensitive: false },
    ]);
  });

  it("validates JSON payloads", () => {
    expect(parseJson('{"approved": true}')).toEqual({ ok: true, value: { approved: true } });
    expect(parseJson("  ")).toEqual({ ok: true, value: null });
    expect(parseJson("{approved}").ok).toBe(false);
  });

  it("filters log lines by message, activity or level", () => {
    const line = (sequence: number, activityId: string, level: string, message: string): LogEntry =>
      ({ instanceId: "i", sequence, timestamp: "", activityId, level, message });
    const logs = [line(1, "out", "Information", "wrote 4 rows"), line(2, "read", "Warning", "2 rejected rows")];
    expect(matchingLines(logs, "ROWS").length).toBe(2);
    expect(matchingLines(logs, "warn").map((l) => l.sequence)).toEqual([2]);
    expect(matchingLines(logs, "out").map((l) => l.sequence)).toEqual([1]);
  });

  it("merges live entries by sequence without doubles", () => {
    const list = [{ sequence: 1 }, { sequence: 3 }];
    expect(mergeBySequence(list, { sequence: 3 })).toBe(list);
    expect(mergeBySequence(list, { sequence: 2 }).map((e) => e.sequence)).toEqual([1, 2, 3]);
  });

  it("shows durations briefly", () => {
    expect(durationText("00:00:00.0289826")).toBe("29 ms");
    expect(durationText("00:00:02.5")).toBe("2.50 s");
  });
});

describe("data pane", () => {
  it("offers rows only for dataset outputs and says why not otherwise", async () => {
    const { datasetCheck } = await import("../../src/instances/datasetOutput");
    const outputs = { top: { dataset: "top__x4", rowCount: 4, columns: [] }, approval: { approved: true } };
    expect(datasetCheck("top", outputs, true)).toEqual({ ok: true });
    expect(datasetCheck("approval", outputs, true)).toMatchObject({ ok: false, reason: expect.stringContaining("not a dataset") });
    expect(datasetCheck("out", outputs, false)).toMatchObject({ ok: false, reason: expect.stringContaining("has not finished yet") });
    expect(datasetCheck("out", outputs, true)).toMatchObject({ ok: false, reason: expect.stringContaining("did not run") });
  });
});

describe("nodes in the journal", () => {
  const entry = (sequence: number, nodeId: string | null): JournalEntry =>
    ({ instanceId: "i", sequence, kind: "ActivityCompleted", timestamp: "", activityId: "a", activityType: "T", executionId: null,
      attempt: 1, duration: null, port: "Done", message: null, rowCount: null, nodeId });

  it("shows a node id as host:pid, the unique suffix left to the title", () => {
    expect(nodeText("vm:8393:e6c8348fff024acdbd1e6c1c131fa610")).toBe("vm:8393");
    expect(nodeText("worker-gpu-1")).toBe("worker-gpu-1");
  });

  it("asks for a Node column only when the activities ran on more than one node", () => {
    expect(ranOnSeveralNodes([entry(1, "a:1:" + "0".repeat(32)), entry(2, null), entry(3, "a:1:" + "0".repeat(32))])).toBe(false);
    expect(ranOnSeveralNodes([entry(1, "a:1:" + "0".repeat(32)), entry(2, "b:2:" + "1".repeat(32))])).toBe(true);
    expect(ranOnSeveralNodes([])).toBe(false);
  });
});
