import type { FlowDocument } from "../api/types";

/** What the server's importer said about a NiceFlow or Elsa 3 file (metadata.importedFrom), or null for a native flow. */
export function importNotes(document: FlowDocument): { format: string; warnings: string[] } | null {
  const from = document.metadata?.importedFrom as { format?: unknown; warnings?: unknown } | undefined;
  if (!from || typeof from.format !== "string") return null;
  const warnings = Array.isArray(from.warnings) ? from.warnings.filter((w): w is string => typeof w === "string") : [];
  return { format: from.format, warnings };
}
