import type { FlowDocument } from "../../api/types";

/**
 * Workflow inputs and variables as the loader reads them (Engine/Loading/FlowDocumentMapper.cs): an input is
 * {name, type (String by default), default, description, required, sensitive}; a variable is {name, type (Object by default),
 * value}. The engine takes any type name; these are the ones the samples and the run form use.
 */
export type WorkflowInput = NonNullable<FlowDocument["inputs"]>[number] & { required?: boolean; sensitive?: boolean };
export type WorkflowVariable = NonNullable<FlowDocument["variables"]>[number];

export const valueTypes = ["String", "Number", "Integer", "Boolean", "Object", "Array", "DateTime", "Any"];

/** Sets (or, when empty, removes) a top-level text of the flow: name, description. */
export function withFlowText(flow: FlowDocument, key: "name" | "description", text: string): FlowDocument {
  const next = { ...flow };
  if (text.trim() === "") delete next[key];
  else next[key] = text;
  return next;
}

/** Sets the inputs or variables list; an empty list removes the key. */
export function withList(flow: FlowDocument, key: "inputs" | "variables", items: object[]): FlowDocument {
  const next = { ...flow } as Record<string, unknown>;
  if (items.length === 0) delete next[key];
  else next[key] = items;
  return next as FlowDocument;
}

/** Sets one key of an input or variable row; undefined, "" and required=false or sensitive=false leave it out. */
export function withEntry<T extends object>(row: T, key: string, value: unknown): T {
  const next = { ...row } as Record<string, unknown>;
  if (value === undefined || (value === "" && key !== "name") || ((key === "required" || key === "sensitive") && value === false)) delete next[key];
  else next[key] = value;
  return next as T;
}

/** The editor of an input's default or a variable's value, by its declared type. */
export function valueEditorOf(type: string | undefined): "text" | "number" | "boolean" | "json" | "any" {
  switch ((type ?? "").toLowerCase()) {
    case "string":
    case "datetime":
      return "text";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "any":
    case "":
      return "any";
    default:
      return "json";
  }
}

/** Whether a value can stay when its row changes to `type` (a text default does not survive a switch to Number). */
export function keepsValue(type: string | undefined, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (valueEditorOf(type)) {
    case "text":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}
