import { session } from "../auth/session";

/** An RFC 7807 problem answered by the API; `problems` holds the validation list when there is one. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  problems?: ValidationError[];
}

/** One validation problem, named by flow, activity and field so the designer can show it where it belongs. */
export interface ValidationError {
  definitionId?: string | null;
  activityId?: string | null;
  field?: string | null;
  message: string;
}

/** A failed API call: the problem the server answered, or one made up for a network failure. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

async function request<T>(method: string, path: string, body?: unknown, accept = "application/json"): Promise<T> {
  const headers: Record<string, string> = { Accept: accept };
  const key = session.key();
  if (key) headers["X-Api-Key"] = key;
  let payload: BodyInit | undefined;
  if (body instanceof Blob || typeof body === "string") {
    payload = body;
    if (typeof body === "string") headers["Content-Type"] = "text/plain";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError({ status: 0, title: "The server cannot be reached", detail: String(e) });
  }
  if (response.status === 401) session.expired();
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const json = JSON.parse(text);
    return { status: response.status, title: json.title ?? response.statusText, detail: json.detail, problems: json.problems };
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text || undefined };
  }
}

/** The public REST API under /api; every call sends the signed-in key as X-Api-Key. */
export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  /** Fetches a file (export, download) with the key and hands it to the browser as a download. */
  async download(path: string, fallbackName: string) {
    const headers: Record<string, string> = {};
    const key = session.key();
    if (key) headers["X-Api-Key"] = key;
    const response = await fetch(`/api${path}`, { headers });
    if (!response.ok) throw new ApiError(await problemOf(response));
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = decodeURIComponent(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};
