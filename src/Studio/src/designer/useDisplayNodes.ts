import { useMemo, useRef } from "react";
import type { Edge } from "@xyflow/react";
import type { ValidationError } from "../api/client";
import type { ActivityNode } from "../graph/flowGraph";
import { outcomesOf } from "../graph/ports";
import type { ActivityRuns } from "../instances/activityStatus";

interface Decorated {
  base: ActivityNode;
  outcomes: string;
  errors: string;
  status?: string;
  rows?: number | null;
  node: ActivityNode;
}

const NoEdges: Edge[] = [];

/**
 * The nodes the canvas shows: the edited nodes plus their outcome ports, problems and run status. A node keeps its
 * object when none of that changed, so React Flow re-renders only what did (a 200-activity flow stays fast); the work
 * per render is linear in nodes and edges.
 */
export function useDisplayNodes(nodes: ActivityNode[], edges: Edge[], problems: ValidationError[], runs: ActivityRuns | undefined) {
  const cache = useRef(new Map<string, Decorated>());
  const edgesBySource = useMemo(() => {
    const map = new Map<string, Edge[]>();
    for (const edge of edges) {
      const list = map.get(edge.source);
      if (list) list.push(edge);
      else map.set(edge.source, [edge]);
    }
    return map;
  }, [edges]);
  const messagesById = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) {
      if (!p.activityId) continue;
      const text = p.field ? `${p.field}: ${p.message}` : p.message;
      const list = map.get(p.activityId);
      if (list) list.push(text);
      else map.set(p.activityId, [text]);
    }
    return map;
  }, [problems]);

  return useMemo(() => {
    const next = new Map<string, Decorated>();
    const shown = nodes.map((base) => {
      const outcomes = outcomesOf(base.data.activity, base.data.descriptor, edgesBySource.get(base.id) ?? NoEdges);
      const messages = messagesById.get(base.id);
      const status = runs?.status[base.id];
      const rows = runs?.rows[base.id];
      const key = { outcomes: outcomes.join("\n"), errors: messages?.join("\n") ?? "", status, rows };
      const old = cache.current.get(base.id);
      const same = old && old.base === base && old.outcomes === key.outcomes && old.errors === key.errors && old.status === key.status && old.rows === key.rows;
      const node: ActivityNode = same
        ? old.node
        : { ...base, data: { ...base.data, outcomes, errors: messages, status, rows } };
      next.set(base.id, { base, ...key, node });
      return node;
    });
    cache.current = next;
    return shown;
  }, [nodes, edgesBySource, messagesById, runs]);
}
