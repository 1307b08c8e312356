import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { JournalEntry } from "../../src/api/instances";
import { JournalTimeline } from "../../src/instances/JournalTimeline";

const east = "vm:8393:e6c8348fff024acdbd1e6c1c131fa610";
const west = "vm:8394:8913942afa904334a7594fbd8275a023";
const entry = (sequence: number, activityId: string, nodeId: string | null): JournalEntry =>
  ({ instanceId: "i", sequence, kind: "ActivityCompleted", timestamp: "2026-12-04T01:00:00Z", activityId, activityType: "WhoRuns",
    executionId: null, attempt: 1, duration: null, port: "Done", message: null, rowCount: null, nodeId });

afterEach(cleanup);

describe("JournalTimeline", () => {
  it("shows on which node each activity ran when a cluster ran the instance", () => {
    render(<JournalTimeline journal={[entry(1, "read", east), entry(2, "sort", west)]} activities={new Set(["read", "sort"])} onSelect={() => {}} />);
    expect(screen.getByRole("columnheader", { name: "Node" })).toBeTruthy();
    const nodes = [...document.querySelectorAll("td.journal-node")].map((td) => [td.textContent, td.getAttribute("title")]);
    expect(nodes).toEqual([["vm:8393", east], ["vm:8394", west]]);
  });

  it("leaves the column out when one process ran everything", () => {
    render(<JournalTimeline journal={[entry(1, "read", east), entry(2, "sort", east)]} activities={new Set(["read", "sort"])} onSelect={() => {}} />);
    expect(screen.queryByRole("columnheader", { name: "Node" })).toBeNull();
  });
});
