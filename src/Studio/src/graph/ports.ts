import type { Edge } from "@xyflow/react";
import type { ActivityDescriptor, FlowActivity } from "../api/types";

/** The input ports of an activity: the descriptor's, or In for an unknown type. */
export function inputPortsOf(descriptor: ActivityDescriptor | undefined): string[] {
  return descriptor?.inputPorts?.length ? descriptor.inputPorts : ["In"];
}

/**
 * The outcome ports of an activity: the descriptor's, plus the ports its connections already use (dynamic outcomes
 * such as Switch cases or Fork branches, and Error), plus the case names a Switch or Fork declares.
 */
export function outcomesOf(activity: FlowActivity, descriptor: ActivityDescriptor | undefined, edges: Edge[]): string[] {
  const ports = [...(descriptor?.outcomes ?? ["Done"])];
  const add = (port: string | null | undefined) => {
    if (port && !ports.includes(port)) ports.push(port);
  };
  for (const item of declaredOutcomes(activity)) add(item);
  for (const edge of edges) if (edge.source === activity.id) add(edge.sourceHandle);
  return ports;
}

function declaredOutcomes(activity: FlowActivity): string[] {
  const names: string[] = [];
  for (const key of ["cases", "branches"]) {
    const list = activity[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === "string") names.push(item);
      else if (item && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") names.push((item as { name: string }).name);
    }
  }
  return names;
}
