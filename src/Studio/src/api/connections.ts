import { api } from "./client";

/**
 * A named connection as GET /api/connections answers it (ConnectionInfo in src/Server/Api/ConnectionContracts.cs).
 * Viewers get the name and kind only; nobody ever gets the connection string, only its redacted form.
 */
export interface ConnectionInfo {
  name: string;
  kind: string;
  redacted: string | null;
  options: Record<string, string> | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** What POST /api/connections takes. */
export interface NewConnection {
  name: string;
  kind: string;
  connectionString: string;
  options: Record<string, string>;
}

/** What PUT /api/connections/{name} takes: a field left out (or an empty connection string) keeps its value. */
export interface ConnectionChange {
  kind?: string;
  connectionString?: string;
  options?: Record<string, string>;
}

/** What POST /api/connections/{name}/test found. */
export interface ConnectionTestResult {
  name: string;
  kind: string;
  succeeded: boolean;
  message: string;
}

const one = (name: string) => `/connections/${encodeURIComponent(name)}`;

/** The named connections endpoints. */
export const connectionsApi = {
  list: () => api.get<ConnectionInfo[]>("/connections"),
  create: (connection: NewConnection) => api.post<ConnectionInfo>("/connections", connection),
  update: (name: string, change: ConnectionChange) => api.put<ConnectionInfo>(one(name), change),
  remove: (name: string) => api.delete<void>(one(name)),
  test: (name: string) => api.post<ConnectionTestResult>(`${one(name)}/test`),
};
