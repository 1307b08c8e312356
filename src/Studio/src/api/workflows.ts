import { api, type ValidationError } from "./client";
import type { FlowDocument, WorkflowDetails } from "./types";
import type { DataPage } from "../data/DataPreview";

/** GET /api/workflows/{id}/versions: one row per version, newest first. */
export interface WorkflowVersion {
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  updatedAt: string;
}

const flow = (definitionId: string) => `/workflows/${encodeURIComponent(definitionId)}`;

/** The workflow endpoints: definitions, versions, validation, runs and previews (the designer makes most of these calls). */
export const workflowsApi = {
  workflow: (id: string) => api.get<WorkflowDetails>(flow(id)),
  versions: (id: string) => api.get<WorkflowVersion[]>(`${flow(id)}/versions`),
  version: (id: string, version: number) => api.get<WorkflowDetails>(`${flow(id)}/versions/${version}`),
  /** Saves the document as a new draft version. */
  save: (id: string, document: FlowDocument) => api.put<WorkflowDetails>(flow(id), document),
  create: (document: FlowDocument) => api.post<WorkflowDetails>("/workflows", document),
  /** Publishes the latest version; a 400 carries the problems that prevent it. */
  publish: (id: string) => api.post<WorkflowDetails>(`${flow(id)}/publish`),
  restore: (id: string, version: number) => api.post<WorkflowDetails>(`${flow(id)}/versions/${version}/restore`),
  validate: (document: FlowDocument) => api.post<{ isValid: boolean; problems: ValidationError[] }>("/workflows/validate", document),
  /** Starts the published version (else the latest draft) and answers at once with the instance id. */
  dispatch: (id: string, inputs: Record<string, unknown>) => api.post<{ instanceId: string }>(`${flow(id)}/dispatch`, inputs),
  /** Runs the latest saved draft up to one activity on the first `rows` rows, writing nothing. */
  preview: (id: string, activityId: string, rows: number, inputs: Record<string, unknown>) =>
    api.post<DataPage>(`${flow(id)}/preview/${encodeURIComponent(activityId)}?rows=${rows}`, inputs),
  /** Runs the document as the canvas holds it up to one activity, writing nothing and saving nothing (no new version). */
  previewDraft: (id: string, activityId: string, rows: number, document: FlowDocument, inputs: Record<string, unknown>) =>
    api.post<DataPage>(`${flow(id)}/draft/preview/${encodeURIComponent(activityId)}?rows=${rows}`, { document, inputs }),
};
