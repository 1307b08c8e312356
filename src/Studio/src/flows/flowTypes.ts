/** The shapes of GET /api/workflows (WorkflowSummary, LastRun in src/Server/Api/WorkflowContracts.cs). */

import type { WorkflowStatus } from "../api/instances";

/** The newest instance of a definition. */
export interface LastRun {
  instanceId: string;
  status: WorkflowStatus;
  createdAt: string;
  finishedAt: string | null;
}

/** A definition as the flows list shows it: latest version, publish state, read-only (from a file), newest run. */
export interface WorkflowSummary {
  definitionId: string;
  name: string | null;
  description: string | null;
  latestVersion: number;
  publishedVersion: number | null;
  isReadOnly: boolean;
  updatedAt: string;
  lastRun?: LastRun | null;
}
