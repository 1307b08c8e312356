import type { FlowDocument } from "../api/types";
import type { WorkflowSummary } from "./flowTypes";

/** The flow formats the server imports and exports. */
export type FlowFormat = "json" | "yaml" | "xml";

export const FlowFormats: { format: FlowFormat; label: string }[] = [
  { format: "json", label: "JSON" },
  { format: "yaml", label: "YAML" },
  { format: "xml", label: "XML" },
];

/** "published v2", "draft v3 (published v2)" or "draft v1": what the latest version is, and what runs. */
export function versionLabel(flow: Pick<WorkflowSummary, "latestVersion" | "publishedVersion">): string {
  const { latestVersion, publishedVersion } = flow;
  if (publishedVersion == null) return `draft v${latestVersion}`;
  if (publishedVersion === latestVersion) return `published v${publishedVersion}`;
  return `draft v${latestVersion} (published v${publishedVersion})`;
}

/** Whether the latest version is the published one (the row shows "published" rather than "draft"). */
export function isPublished(flow: Pick<WorkflowSummary, "latestVersion" | "publishedVersion">): boolean {
  return flow.publishedVersion != null && flow.publishedVersion === flow.latestVersion;
}

/** The id for a duplicate: "ID-copy", or "ID-copy-2", "ID-copy-3"... when taken. */
export function nextCopyId(id: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `${id}-copy`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The format of a flow file by its extension, as the server chooses it; null for anything else. */
export function formatOfFile(fileName: string): FlowFormat | null {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "json") return "json";
  if (extension === "yaml" || extension === "yml") return "yaml";
  if (extension === "xml") return "xml";
  return null;
}

// Definition ids end up in URLs (/studio/flows/ID, /api/workflows/ID), so keep them to URL-safe characters.
const DefinitionId = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Why an id cannot name a new flow, or null when it can. */
export function definitionIdProblem(id: string): string | null {
  if (!id.trim()) return "Give the flow an id.";
  if (!DefinitionId.test(id)) return "Use letters, digits, '_', '-' and '.' only, starting with a letter, digit or '_'.";
  return null;
}

/** A new flow: an empty Flowchart the designer fills. */
export function emptyFlow(definitionId: string, name: string): FlowDocument {
  return {
    definitionId,
    name: name.trim() || definitionId,
    root: { id: "root", type: "Flowchart", activities: [], connections: [] },
  };
}

/** A copy of a flow document under a new id; the name says it is a copy, the server numbers it from v1 again. */
export function copyOf(document: FlowDocument, newId: string): FlowDocument {
  const copy: FlowDocument = { ...document, definitionId: newId, name: `${document.name ?? document.definitionId ?? newId} (copy)` };
  delete copy.version;
  return copy;
}
