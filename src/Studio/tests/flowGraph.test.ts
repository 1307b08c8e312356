import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { FlowDocument } from "../src/api/types";
import { flowToGraph, graphToFlow } from "../src/graph/flowGraph";
import { autoLayout } from "../src/graph/layout";

const sample = (name: string) =>
  // vitest runs in src/Studio; the samples are the repository's workflows/ folder.
  JSON.parse(readFileSync(resolve("../../workflows", name), "utf8")) as FlowDocument;

describe("graph <-> flow JSON", () => {
  it("loads back identically, positions included", () => {
    const flow = sample("etl/analyse-sales.json");
    const { nodes, edges, needsLayout } = flowToGraph(flow);
    expect(needsLayout).toBe(true);
    const laidOut = autoLayout(nodes, edges);
    const saved = graphToFlow(flow, laidOut, edges);

    const again = flowToGraph(saved);
    expect(again.needsLayout).toBe(false);
    expect(graphToFlow(saved, again.nodes, again.edges)).toEqual(saved);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    expect(again.nodes.map((n) => n.position)).toEqual(laidOut.map((n) => n.position));
  });

  it("keeps every activity input, the connections and the rest of the document", () => {
    const flow = sample("etl/analyse-sales.json");
    const { nodes, edges } = flowToGraph(flow);
    const saved = graphToFlow(flow, nodes, edges);
    const strip = (d: FlowDocument) => ({
      ...d,
      root: { ...d.root, activities: d.root.activities!.map(({ metadata, ...rest }) => rest) },
    });
    expect(strip(saved)).toEqual(strip(flow));
    expect(edges[4]).toMatchObject({ source: "customers", sourceHandle: "Done", target: "named", targetHandle: "Right" });
  });

  it("lays out left to right: every connection goes to a node further right", () => {
    const flow = sample("etl/analyse-sales.json");
    const { nodes, edges } = flowToGraph(flow);
    const byId = new Map(autoLayout(nodes, edges).map((n) => [n.id, n.position]));
    for (const e of edges) expect(byId.get(e.target)!.x).toBeGreaterThan(byId.get(e.source)!.x);
  });
});
