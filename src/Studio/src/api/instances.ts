import { api } from "./client";
import type { DataPage } from "../data/DataPreview";

/** The statuses an instance can have, as the API spells them. */
export type WorkflowStatus = "Running" | "Suspended" | "Finished" | "Faulted" | "Cancelled";
export const WorkflowStatuses: WorkflowStatus[] = ["Running", "Suspended", "Finished", "Faulted", "Cancelled"];

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  status: WorkflowStatus;
  correlationId: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** A place an instance waits: resume it by id (Pause), or it resumes itself (Delay) or on a named event (Event). */
export interface Bookmark {
  id: string;
  instanceId: string;
  activityId: string;
  executionId: string;
  name: string;
  matchKey: string | null;
  resumeAt: string | null;
  createdAt: string;
}

/** GET /api/instances/{id}: the instance's state; activity inputs never appear here (sensitive values stay on the server). */
export interface InstanceDetails {
  instance: InstanceSummary;
  inputs: Record<string, unknown>;
  variables: Record<string, unknown>;
  outputs: Record<string, unknown>;
  activityOutputs: Record<string, unknown>;
  bookmarks: Bookmark[];
  faultedActivityId: string | null;
}

export type JournalKind =
  | "WorkflowStarted" | "WorkflowResumed" | "WorkflowSuspended" | "WorkflowFinished" | "WorkflowFaulted" | "WorkflowCancelled" | "WorkflowRetried"
  | "ActivityScheduled" | "ActivityStarted" | "ActivityCompleted" | "ActivityFaulted" | "ActivityRetrying" | "ActivityDelayed"
  | "ActivitySuspended" | "ActivityResumed" | "ActivityCancelled";

/** One line of an instance's history. */
export interface JournalEntry {
  instanceId: string;
  sequence: number;
  kind: JournalKind;
  timestamp: string;
  activityId: string | null;
  activityType: string | null;
  executionId: string | null;
  attempt: number | null;
  duration: string | null;
  port: string | null;
  message: string | null;
  rowCount: number | null;
  /** The node that ran the activity (on the completion or fault of a code or data activity). */
  nodeId?: string | null;
}

export interface LogEntry {
  instanceId: string;
  sequence: number;
  timestamp: string;
  activityId: string | null;
  level: string;
  message: string;
}

/** A file an output activity of the instance wrote. */
export interface InstanceFile {
  name: string;
  path: string;
  size: number;
  activityId: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  skip: number;
  take: number;
}


const one = (id: string) => `/instances/${encodeURIComponent(id)}`;

/** The instance endpoints of the REST API, typed. */
export const instancesApi = {
  list: (query: string) => api.get<Page<InstanceSummary>>(`/instances${query ? `?${query}` : ""}`),
  get: (id: string) => api.get<InstanceDetails>(one(id)),
  journal: (id: string) => api.get<JournalEntry[]>(`${one(id)}/journal`),
  logs: (id: string) => api.get<LogEntry[]>(`${one(id)}/logs`),
  files: (id: string) => api.get<InstanceFile[]>(`${one(id)}/files`),
  downloadFile: (id: string, name: string) => api.download(`${one(id)}/files/${encodeURIComponent(name)}`, name),
  preview: (id: string, activityId: string, offset: number, limit: number) =>
    api.get<DataPage>(`${one(id)}/activities/${encodeURIComponent(activityId)}/preview?offset=${offset}&limit=${limit}`),
  // Actions answer at once (timeout 0): the page follows the instance live instead of holding a request open.
  cancel: (id: string) => api.post<unknown>(`${one(id)}/cancel`),
  resume: (id: string, bookmarkId: string, payload: unknown) => api.post<unknown>(`${one(id)}/resume?timeout=00:00:00`, { bookmarkId, payload }),
  retry: (id: string) => api.post<unknown>(`${one(id)}/retry?timeout=00:00:00`),
  remove: (id: string) => api.delete<void>(one(id)),
  raiseEvent: (name: string, payload: unknown) => api.post<{ name: string; resumed: number }>(`/events/${encodeURIComponent(name)}`, payload ?? null),
  /** The flows' ids and names, for the definition filter's suggestions. */
  flows: () => api.get<{ definitionId: string; name: string | null }[]>("/workflows"),
};
