import type { ActivityDescriptor, FlowActivity } from "../api/types";

const NotInputs = new Set(["id", "type", "name", "description", "metadata", "retry", "delay", "timeout", "onError", "worker"]);
const Behaviours = ["retry", "delay", "timeout", "onError", "worker"];

/** One input of an activity as the flow sets it: a literal, or an expression with its syntax. */
export interface InputRow {
  name: string;
  syntax: string | null;
  text: string;
  sensitive: boolean;
}

/**
 * The inputs an activity sets in the flow (the instance state keeps no evaluated inputs, so these are as written);
 * sensitive ones, by the descriptor, show as *** like everywhere else.
 */
export function inputRows(activity: FlowActivity, descriptor: ActivityDescriptor | undefined): InputRow[] {
  const sensitive = new Set(descriptor?.inputs.filter((i) => i.sensitive).map((i) => i.name) ?? []);
  return Object.entries(activity)
    .filter(([name]) => !NotInputs.has(name))
    .map(([name, value]) => {
      if (sensitive.has(name)) return { name, syntax: null, text: "***", sensitive: true };
      const expression = (value as { expression?: { type?: string; value?: unknown } } | null)?.expression;
      if (value && typeof value === "object" && expression && typeof expression === "object") {
        return { name, syntax: expression.type ?? null, text: valueText(expression.value), sensitive: false };
      }
      return { name, syntax: null, text: valueText(value), sensitive: false };
    });
}

/** The behaviours (retry, delay, timeout, onError, worker) an activity sets. */
export function behaviourRows(activity: FlowActivity): InputRow[] {
  return Behaviours.filter((b) => activity[b] !== undefined).map((b) => ({ name: b, syntax: null, text: valueText(activity[b]), sensitive: false }));
}

export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2) ?? "";
}
