import type { ValidationError } from "../api/client";
import type { FlowDocument } from "../api/types";

/** GET /api/workflows/{id} (and publish, restore, PUT): one version with its document and problems. */
export interface WorkflowDetails {
  definitionId: string;
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  isReadOnly: boolean;
  updatedAt: string;
  document: FlowDocument;
  problems: ValidationError[];
}

/** GET /api/workflows/{id}/versions: one row per version, newest first. */
export interface WorkflowVersion {
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  updatedAt: string;
}
